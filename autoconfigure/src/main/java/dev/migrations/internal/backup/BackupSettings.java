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

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * How backups are taken.
 *
 * @param enabled whether to take a backup before writing to a database that holds tables
 * @param required whether a backup that cannot be taken fails the migration
 * @param directory where backup files go
 * @param keep how many backup files of a database to keep
 * @param pgDumpPath the pg_dump executable; pg_restore is expected beside it
 * @param mariaDbDumpPath the mariadb-dump (or mysqldump) executable, or {@code null} for
 * the first of {@code mariadb-dump} and {@code mysqldump} on the {@code PATH}
 * @param jdbcUrl the JDBC URL pg_dump connects to, or {@code null} if unknown
 * @param user the user pg_dump connects as
 * @param password the password, passed to pg_dump through the environment only
 * @author Migrations for Spring Boot contributors
 */
public record BackupSettings(boolean enabled, boolean required, Path directory, int keep, String pgDumpPath,
		@Nullable String mariaDbDumpPath, @Nullable String jdbcUrl, @Nullable String user, @Nullable String password) {

	@Override
	public String toString() {
		return "BackupSettings[enabled=" + this.enabled + ", required=" + this.required + ", directory="
				+ this.directory + ", keep=" + this.keep + ", pgDumpPath=" + this.pgDumpPath + ", mariaDbDumpPath="
				+ this.mariaDbDumpPath + "]";
	}

}
