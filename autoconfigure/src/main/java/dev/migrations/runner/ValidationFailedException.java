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

package dev.migrations.runner;

import dev.migrations.MigrationException;

/**
 * The database is not at the target with matching checksums: revisions are pending, an
 * applied file was edited, a revision is half-applied, or the database records revisions
 * the application does not have. Nothing was written. Raised by
 * {@link Migrator#validate()}; the {@code check} command exits with status 2 on it.
 *
 * @author Migrations for Spring Boot contributors
 */
public class ValidationFailedException extends MigrationException {

	ValidationFailedException(String description, String action) {
		super(description, action);
	}

}
