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

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.MariaDbServer;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@EnabledIfMariaDb
class MariaDbMigratorTests extends AbstractMigratorTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.mariaDb();
	}

	private Migrator migratorOn(TestDatabase database) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(database.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

	@Test
	void anEmptyDatabaseIsEmptyWhateverTheOtherDatabasesOfTheServerHold() {
		// Another database of the same server, with tables and a history of its own.
		TestDatabase other = TestDatabases.mariaDb();
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		migratorOn(other).migrate();
		other.jdbc().execute("CREATE TABLE legacy (id INTEGER)");
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.EMPTY);
		assertThat(status.database().container().toString()).isEqualTo("database '" + this.db.container() + "'");
		assertThat(migrator().migrate().applied()).containsExactly("001", "002");
		assertThat(this.db.tables()).containsExactly("databasechangelog", "projects", "users");
	}

	@Test
	void tablesOfTheDatabaseAreCountedAndNamedWithTheDatabase() {
		this.db.jdbc().execute("CREATE TABLE legacy (id INTEGER)");
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("has 1 table(s) in database '" + this.db.container() + "' but no migration history");
	}

	@Test
	void aUserWhoseGrantsCoverOnlyItsOwnDatabaseMigratesIt() {
		String user = "mig_" + UUID.randomUUID().toString().substring(0, 8);
		MariaDbServer server = MariaDbServer.get();
		server.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'");
		try {
			server.execute("GRANT ALL ON `" + this.db.container() + "`.* TO '" + user + "'@'%'");
			TestDatabase own = new TestDatabase("mariadb", this.db.url(), user, "secret-pw");
			this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
			assertThat(migratorOn(own).migrate().applied()).containsExactly("001");
			assertThat(migratorOn(own).migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
			assertThat(this.db.tables()).containsExactly("databasechangelog", "users");
		}
		finally {
			server.execute("DROP USER '" + user + "'@'%'");
		}
	}

	@Test
	void aUrlWithoutADatabaseIsRefusedNamingWhatToAdd() {
		TestDatabase server = new TestDatabase("mariadb", MariaDbServer.get().url(), this.db.user(),
				this.db.password());
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migratorOn(server).migrate())
			.withMessageContaining("has no database selected")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("jdbc:mariadb://host:3306/app"));
	}

}
