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

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.test.CountingDataSource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class H2MigratorTests extends AbstractMigratorTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.h2();
	}

	@Test
	void failingRevisionOnH2SaysWhichStatementsMayRemain() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_broken.sql", """
					CREATE TABLE audit_log (id INTEGER);
					INSERT INTO no_such_table VALUES (1);
					""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("commits DDL immediately");
		// H2 committed the CREATE TABLE; the history still says 001.
		assertThat(this.db.tables()).contains("audit_log");
	}

	@Test
	void headsAreReadFromTheRevisionFilesWithTheirDescriptions() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);")
			.add("003_add_user_email.sql", "-- down_revision: 001\nALTER TABLE users ADD COLUMN email VARCHAR(100);");
		CountingDataSource database = new CountingDataSource(this.db.dataSource());
		assertThat(migrator(database, database).heads()).containsExactly(new RevisionSummary("002", "create projects"),
				new RevisionSummary("003", "add user email"));
		assertThat(database.connections()).isZero();
	}

}
