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

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresMigratorTests extends AbstractMigratorTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	@Test
	void failingRevisionLeavesDatabaseExactlyAtPreviousRevision() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_broken.sql", """
					CREATE TABLE audit_log (id INTEGER);
					INSERT INTO users VALUES (1);
					INSERT INTO no_such_table VALUES (1);
					""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("rolled back completely")
			.withMessageContaining("relation \"no_such_table\" does not exist");
		assertThat(this.db.tables()).containsExactlyInAnyOrder("users", "databasechangelog")
			.doesNotContain("audit_log");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM users", Integer.class)).isZero();
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void keepsDollarQuotedFunctionBodiesWhole() {
		this.revisions.add("001_audit_function.sql", """
				CREATE TABLE audit (id SERIAL PRIMARY KEY, note TEXT);
				CREATE FUNCTION add_audit(text) RETURNS void AS $$
				BEGIN
				    INSERT INTO audit (note) VALUES ($1);
				    INSERT INTO audit (note) VALUES ('second; with semicolon');
				END;
				$$ LANGUAGE plpgsql;
				CREATE FUNCTION shout(t text) RETURNS text AS $body$ SELECT upper(t) || ';' $body$ LANGUAGE sql;
				SELECT add_audit('first');
				""");
		migrator().migrate();
		assertThat(this.db.jdbc().queryForList("SELECT note FROM audit ORDER BY id", String.class))
			.containsExactly("first", "second; with semicolon");
		assertThat(this.db.jdbc().queryForObject("SELECT shout('hi')", String.class)).isEqualTo("HI;");
	}

	@Test
	void aHistoryFoundThroughTheSearchPathIsNotThisSchemasHistory() throws Exception {
		this.db.jdbc().execute("CREATE SCHEMA billing");
		this.revisions.add("001_accounts.sql", "CREATE TABLE accounts (id INTEGER);");
		migrator(MigrationSettings.defaults().withDefaultSchema("billing")).migrate();
		// billing is at the head; public has neither the table nor a history, but this
		// connection searches billing
		// too, where an unqualified name finds billing's history.
		try (Connection connection = this.db.connect()) {
			connection.createStatement().execute("SET search_path TO public, billing");
			DefaultResourceLoader loader = new DefaultResourceLoader();
			RunReport report = new Migrator(new SingleConnectionDataSource(connection, true),
					RevisionSource.directory(this.revisions.location(), loader), MigrationSettings.defaults(), loader)
				.migrate();
			assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
			assertThat(report.applied()).containsExactly("001");
		}
		assertThat(this.db.jdbc()
			.queryForList("SELECT table_schema FROM information_schema.tables WHERE table_name = 'accounts' "
					+ "ORDER BY table_schema", String.class))
			.containsExactly("billing", "public");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM public.databasechangelog", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void readingTheStatusLeavesABorrowedConnectionAsItFoundIt() throws Exception {
		this.db.jdbc().execute("CREATE SCHEMA billing");
		this.revisions.add("001_accounts.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: accounts
				      author: x
				      changes:
				        - createTable: {tableName: accounts, columns: [{column: {name: id, type: INTEGER}}]}
				""");
		MigrationSettings settings = MigrationSettings.defaults().withDefaultSchema("billing");
		migrator(settings).migrate();
		// An application connection with a search path of two schemas, as a pool would
		// lend it.
		try (Connection connection = this.db.connect()) {
			connection.createStatement().execute("SET search_path TO public, billing");
			SingleConnectionDataSource application = new SingleConnectionDataSource(connection, true);
			DefaultResourceLoader loader = new DefaultResourceLoader();
			Migrator migrator = new Migrator(this.db.dataSource(), application,
					RevisionSource.directory(this.revisions.location(), loader), settings, loader, null);
			assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
			try (ResultSet result = connection.createStatement().executeQuery("SHOW search_path")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo("public, billing");
			}
			assertThat(connection.getAutoCommit()).isTrue();
		}
	}

}
