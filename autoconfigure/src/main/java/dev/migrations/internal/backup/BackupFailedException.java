/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.internal.backup;

import dev.migrations.MigrationException;

/**
 * A required backup could not be taken; nothing was written to the database.
 *
 * @author Migrations for Spring Boot contributors
 */
public class BackupFailedException extends MigrationException {

	BackupFailedException(BackupFailure failure, Throwable cause) {
		super("No backup could be taken before migrating (migrations.backup.required=true): " + failure.reason()
				+ " Nothing was written to the database.", failure.action(), cause);
	}

	BackupFailedException(String reason, Throwable cause) {
		super("No backup could be taken before migrating (migrations.backup.required=true): " + reason
				+ ". Nothing was written to the database.",
				"Make the backup possible (install the PostgreSQL client matching the server, e.g. apt-get install "
						+ "postgresql-client, or set migrations.backup.pg-dump-path; check that "
						+ "migrations.backup.directory is writable), or set migrations.backup.required=false.",
				cause);
	}

	BackupFailedException(String description, String action, Throwable cause) {
		super(description, action, cause);
	}

}
