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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.internal.revision.SqlStatementSplitter;
import dev.migrations.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Downgrades and dry runs on a real database, run on H2 and on PostgreSQL.
 */
abstract class AbstractDowngradeAndDryRunTests extends AbstractDatabaseTests {

	@BeforeEach
	void addRevisions() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));")
			.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100));")
			.add("002_create_projects.down.sql", "DROP TABLE projects;")
			.add("003_create_tags.yaml", """
					databaseChangeLog:
					  - changeSet:
					      id: tags
					      author: ana
					      changes:
					        - createTable: {tableName: tags, columns: [{column: {name: id, type: INTEGER}}]}
					""")
			.add("004_add_project_code.sql", """
					--liquibase formatted sql
					--changeset ana:project-code
					ALTER TABLE projects ADD COLUMN code VARCHAR(20);
					--rollback ALTER TABLE projects DROP COLUMN code;
					""");
	}

	List<String> columns(TestDatabase database) {
		return database.jdbc()
			.queryForList(
					"SELECT CONCAT(lower(table_name), '.', lower(column_name), ':', lower(data_type)) "
							+ "FROM information_schema.columns WHERE lower(table_schema) = lower(?) ORDER BY 1",
					String.class, database.container());
	}

	@Test
	void downgradesPlainSqlAndLiquibaseRevisionsKeepingDataInUntouchedTables() {
		migrator().migrate();
		this.db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
		RunReport report = migrator().downgrade(Target.of("001"));
		assertThat(report.reverted()).containsExactly("004", "003", "002");
		assertThat(report.to()).isEqualTo("001");
		assertThat(this.db.tables()).contains("users").doesNotContain("projects", "tags");
		assertThat(this.db.jdbc().queryForList("SELECT name FROM users ORDER BY id", String.class))
			.containsExactly("Ada", "Grace");
		assertThat(historyIds()).containsExactly("001");
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.BEHIND);
		assertThat(migrator().migrate().applied()).containsExactly("002", "003", "004");
	}

	@Test
	void targetBelowCurrentDowngradesOnlyWhenAllowed() {
		migrator().migrate();
		MigrationSettings toTwo = MigrationSettings.defaults().withTarget("002");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(toTwo).migrate())
			.withMessageContaining("above the target 002")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("migrations.allow-downgrade=true"));
		assertThat(historyIds()).containsExactly("001", "002", "tags", "project-code");
		RunReport report = migrator(toTwo.withAllowDowngrade(true)).migrate();
		assertThat(report.reverted()).containsExactly("004", "003");
		assertThat(columns(this.db)).noneMatch((column) -> column.startsWith("projects.code"));
		assertThat(migrator(toTwo).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void refusesAnIrreversibleRangeBeforeTouchingAnything() {
		this.revisions.add("005_add_rates.sql", "CREATE TABLE rates (id INTEGER);");
		migrator().migrate();
		List<Map<String, Object>> history = this.db.history();
		List<String> tables = this.db.tables();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("001")))
			.withMessageContaining("005 (")
			.withMessageContaining("it has no .down.sql file")
			.withMessageContaining("Nothing was written");
		assertThat(this.db.history()).isEqualTo(history);
		assertThat(this.db.tables()).isEqualTo(tables);
	}

	@Test
	void refusesToDowngradeBelowTheBaseline() {
		this.db.jdbc().execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		this.db.jdbc().execute("CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		migrator(MigrationSettings.defaults().withBaseline("002", "legacy")).migrate();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("001")))
			.withMessageContaining(
					"002 (002_create_projects.sql): part of the baseline, the floor a downgrade cannot cross");
		assertThat(this.db.tables()).contains("projects", "tags");
		assertThat(migrator().downgrade(Target.of("002")).reverted()).containsExactly("004", "003");
	}

	@Test
	void aRefusedDowngradeNamesEveryBlockingRevisionAndTheLowestTargetThatWorks() {
		migrator(MigrationSettings.defaults().withTarget("001")).migrate();
		this.db.jdbc().execute("CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		migrator().stamp(Target.of("002"));
		this.revisions.add("005_add_rates.sql", "CREATE TABLE rates (id INTEGER);")
			.add("006_add_fees.sql", "CREATE TABLE fees (id INTEGER);")
			.add("006_add_fees.down.sql", "DROP TABLE fees;");
		migrator().migrate();
		List<Map<String, Object>> history = this.db.history();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("001")))
			.withMessageContaining("Cannot downgrade to 001: 2 revision(s) in the range cannot be reversed: "
					+ "002 (002_create_projects.sql): stamped, never executed by migrations")
			.withMessageContaining("; 005 (005_add_rates.sql): change set 005::migrations: it has no .down.sql file")
			.satisfies((ex) -> assertThat(ex.getAction()).startsWith("The lowest target that works is 005 "));
		assertThat(this.db.history()).isEqualTo(history);
		assertThat(migrator().downgrade(Target.of("005")).reverted()).containsExactly("006");

		this.revisions.add("007_add_taxes.sql", "CREATE TABLE taxes (id INTEGER);");
		migrator().migrate();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("004")))
			.withMessageContaining("005 (005_add_rates.sql)")
			.withMessageContaining("007 (007_add_taxes.sql)")
			.satisfies((ex) -> assertThat(ex.getAction()).startsWith("No target below 007 works"));
	}

	@Test
	void neverRunsReverseSqlOfStampedRevisions() {
		migrator(MigrationSettings.defaults().withTarget("001")).migrate();
		this.db.jdbc().execute("CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		migrator().stamp(Target.of("002"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("001")))
			.withMessageContaining("002 (002_create_projects.sql): stamped, never executed by migrations");
		assertThat(this.db.tables()).contains("projects");
	}

	@Test
	void dryRunWritesTheSqlThatThenExecutesAndExecutesNothing() throws Exception {
		Path output = this.temp.resolve("out/upgrade.sql");
		RunReport report = migrator(MigrationSettings.defaults().withDryRunOutput(output)).migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.DRY_RUN);
		assertThat(this.db.tables()).isEmpty();
		String sql = Files.readString(output);
		assertThat(sql).contains("-- revision 001 create users", "CREATE TABLE users", "INSERT INTO DATABASECHANGELOG");
		// The file, run by hand on a copy, gives the same database as the migration
		// itself.
		TestDatabase copy = newDatabase();
		for (String statement : SqlStatementSplitter.split(sql)) {
			copy.jdbc().execute(statement);
		}
		migrator().migrate();
		// The lock table and the started-revision marker (H2) are the migrator's own, not
		// part of the migration.
		assertThat(columns(copy)).isEqualTo(columns(this.db).stream()
			.filter((column) -> !column.startsWith("databasechangeloglock.")
					&& !column.startsWith("databasechangelog_started."))
			.toList());
		assertThat(history(copy)).isEqualTo(history(this.db));
		assertThat(migrator(MigrationSettings.defaults()).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void dryRunOfADowngradeShowsTheReverseSqlAndHistoryDeletes() throws Exception {
		migrator().migrate();
		Path output = this.temp.resolve("downgrade.sql");
		migrator(MigrationSettings.defaults().withTarget("002").withAllowDowngrade(true).withDryRunOutput(output))
			.migrate();
		String sql = Files.readString(output);
		assertThat(sql).contains("-- downgrade 004 add project code", "ALTER TABLE projects DROP COLUMN code",
				"-- downgrade 003 create tags", "DROP TABLE", "DELETE FROM DATABASECHANGELOG WHERE ID = 'tags'");
		assertThat(historyIds()).containsExactly("001", "002", "tags", "project-code");
		assertThat(migrator().previewDowngrade(Target.of("002")).statements())
			.contains("ALTER TABLE projects DROP COLUMN code");
	}

	@Test
	void revisionDetailShowsChangeSetsSqlAndHowToDowngrade() {
		migrator(MigrationSettings.defaults().withTarget("003")).migrate();
		RevisionDetail applied = migrator().show("2").orElseThrow();
		assertThat(applied.revision()).isEqualTo("002");
		assertThat(applied.state()).isEqualTo(RevisionState.APPLIED);
		assertThat(applied.files()).hasSize(2).anyMatch((file) -> file.endsWith("002_create_projects.down.sql"));
		assertThat(applied.sql()).containsExactly("CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		assertThat(applied.downgradable()).isTrue();
		assertThat(applied.downgrade()).isEqualTo("002_create_projects.down.sql");
		RevisionDetail pending = migrator().show("004").orElseThrow();
		assertThat(pending.state()).isEqualTo(RevisionState.PENDING);
		assertThat(pending.changesets()).singleElement()
			.satisfies((changeSet) -> assertThat(changeSet.recorded()).isFalse());
		assertThat(pending.downgrade()).isEqualTo("its rollback block");
		assertThat(migrator().show("001").orElseThrow().downgradable()).isFalse();
		assertThat(migrator().show("999")).isEmpty();
	}

	private static List<String> history(TestDatabase database) {
		return database.history()
			.stream()
			.map((row) -> row.get("ID") + "|" + row.get("FILENAME") + "|" + row.get("EXECTYPE") + "|"
					+ row.get("MD5SUM") + "|" + row.get("TAG"))
			.toList();
	}

}
