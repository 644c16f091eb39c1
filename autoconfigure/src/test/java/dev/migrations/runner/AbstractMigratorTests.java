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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.CountingDataSource;
import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a migrator does to a real database, run once on H2 and once on PostgreSQL.
 */
abstract class AbstractMigratorTests extends AbstractDatabaseTests {

	static MigrationSettings settings(MigrationMode mode, String target) {
		return MigrationSettings.defaults().withMode(mode).withTarget(target);
	}

	void addTimeTrackingRevisions() {
		this.revisions.add("001_create_users.sql", """
				CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO users (id, name) VALUES (1, 'Ada; the first');
				""").add("002_create_projects.sql", """
				-- projects belong to users
				CREATE TABLE projects (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id),
				    name VARCHAR(100));
				""").add("003_add_project_budget.sql", "ALTER TABLE projects ADD COLUMN budget NUMERIC(12, 2);");
	}

	Migrator migrator(DataSource own, DataSource application) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(own, application, RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader, null);
	}

	@Test
	void upgradesEmptyDatabaseToHead() {
		addTimeTrackingRevisions();
		RunReport report = migrator().migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(report.applied()).containsExactly("001", "002", "003");
		assertThat(report.from()).isNull();
		assertThat(report.to()).isEqualTo("003");
		assertThat(this.db.tables()).contains("users", "projects", "databasechangelog");
		assertThat(this.db.jdbc().queryForObject("SELECT name FROM users WHERE id = 1", String.class))
			.isEqualTo("Ada; the first");
		List<Map<String, Object>> history = this.db.history();
		assertThat(history).extracting((row) -> row.get("ID")).containsExactly("001", "002", "003");
		assertThat(history).extracting((row) -> row.get("FILENAME"))
			.containsExactly("migrations/001", "migrations/002", "migrations/003");
		assertThat(history).extracting((row) -> row.get("EXECTYPE")).containsOnly("EXECUTED");
		assertThat(history).extracting((row) -> row.get("TAG")).containsExactly("001", "002", "003");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.current()).isEqualTo("003");
		assertThat(status.heads()).containsExactly("003");
		assertThat(status.pending()).isEmpty();
		assertThat(status.history()).extracting(RevisionStatus::state).containsOnly(RevisionState.APPLIED);
		assertThat(status.history().get(2).description()).isEqualTo("add project budget");
		assertThat(status.history().get(2).executionTimeMs()).isNotNull();
	}

	@Test
	void restartIsNoOpWithHistoryUnchanged() {
		addTimeTrackingRevisions();
		migrator().migrate();
		List<Map<String, Object>> before = this.db.history();
		RunReport second = migrator().migrate();
		assertThat(second.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(second.applied()).isEmpty();
		assertThat(this.db.history()).isEqualTo(before);
	}

	@Test
	void appliesRevisionAddedAfterFirstStart() {
		addTimeTrackingRevisions();
		migrator().migrate();
		this.revisions.add("004_create_time_entries.sql",
				"CREATE TABLE time_entries (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES projects (id));");
		RunReport report = migrator().migrate();
		assertThat(report.applied()).containsExactly("004");
		assertThat(report.from()).isEqualTo("003");
		assertThat(this.db.tables()).contains("time_entries");
		assertThat(historyIds()).containsExactly("001", "002", "003", "004");
	}

	@Test
	void ordersRevisionIdsNaturally() {
		this.revisions.add("10_third.sql", "CREATE TABLE third (id INTEGER);")
			.add("2_second.sql", "CREATE TABLE second_t (id INTEGER);")
			.add("1_first.sql", "CREATE TABLE first_t (id INTEGER);");
		migrator().migrate();
		assertThat(historyIds()).containsExactly("1", "2", "10");
	}

	@Test
	void stopsAtTargetRevision() {
		addTimeTrackingRevisions();
		RunReport report = migrator(settings(MigrationMode.UPGRADE, "002")).migrate();
		assertThat(report.applied()).containsExactly("001", "002");
		assertThat(historyIds()).containsExactly("001", "002");
		MigrationStatus atTarget = migrator(settings(MigrationMode.UPGRADE, "002")).status();
		assertThat(atTarget.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(atTarget.current()).isEqualTo("002");
		MigrationStatus towardsHead = migrator().status();
		assertThat(towardsHead.state()).isEqualTo(DatabaseState.BEHIND);
		assertThat(towardsHead.pending()).extracting(RevisionStatus::revision).containsExactly("003");
	}

	@Test
	void unknownTargetFailsAndWritesNothing() {
		addTimeTrackingRevisions();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(settings(MigrationMode.UPGRADE, "999")).migrate())
			.withMessageContaining("migrations.target=999")
			.withMessageContaining("does not exist")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("migrations.target"));
		assertThat(this.db.tables()).isEmpty();
	}

	@Test
	void validateModeFailsOnBehindDatabaseAndWritesNothing() {
		addTimeTrackingRevisions();
		migrator(settings(MigrationMode.UPGRADE, "001")).migrate();
		List<String> tables = this.db.tables();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(settings(MigrationMode.VALIDATE, "head")).migrate())
			.withMessageContaining("migrations.mode=validate")
			.withMessageContaining("at revision 001")
			.withMessageContaining("2 revision(s) pending")
			.withMessageContaining("002, 003");
		assertThat(this.db.tables()).isEqualTo(tables);
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void validateModePassesAtTarget() {
		addTimeTrackingRevisions();
		migrator().migrate();
		RunReport report = migrator(settings(MigrationMode.VALIDATE, "head")).migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.VALIDATED);
		assertThat(report.to()).isEqualTo("003");
	}

	@Test
	void noneModeDoesNothingButStatusStillReports() {
		addTimeTrackingRevisions();
		Migrator migrator = migrator(settings(MigrationMode.NONE, "head"));
		assertThat(migrator.migrate()).isNull();
		assertThat(this.db.tables()).isEmpty();
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(DatabaseState.EMPTY);
		assertThat(status.pending()).extracting(RevisionStatus::revision).containsExactly("001", "002", "003");
	}

	@Test
	void duplicateRevisionIdsFailBeforeTouchingDatabase() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);")
			.add("1_create_accounts.sql", "CREATE TABLE accounts (id INTEGER);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 1 is defined twice")
			.withMessageContaining("001_create_users.sql")
			.withMessageContaining("1_create_accounts.sql")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("rename"));
		assertThat(this.db.tables()).isEmpty();
	}

	@Test
	void editedAppliedFileFailsNamingRevisionAndFile() {
		addTimeTrackingRevisions();
		migrator().migrate();
		List<Map<String, Object>> before = this.db.history();
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id BIGINT PRIMARY KEY);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 was edited after it was applied")
			.withMessageContaining("002_create_projects.sql");
		assertThat(this.db.history()).isEqualTo(before);
	}

	@Test
	void renamingSlugOrMovingFolderDoesNotRerunRevisions() {
		addTimeTrackingRevisions();
		migrator().migrate();
		RevisionDirectory moved = RevisionDirectory.in(this.temp.resolve("elsewhere/revisions"));
		moved.add("001_make_users.sql", """
				CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO users (id, name) VALUES (1, 'Ada; the first');
				""").add("002_projects_table.sql", """
				-- projects belong to users
				CREATE TABLE projects (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id),
				    name VARCHAR(100));
				""").add("003_budget.sql", "ALTER TABLE projects ADD COLUMN budget NUMERIC(12, 2);");
		RunReport report = migrator(moved, MigrationSettings.defaults()).migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void downgradeFileIsNotRunAsRevision() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);")
			.add("001_create_users.down.sql", "DROP TABLE users;");
		migrator().migrate();
		assertThat(this.db.tables()).contains("users");
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void appliesLiquibaseChangelogRevisionsInEveryFormat() {
		this.revisions.add("001_create_clients.sql", "CREATE TABLE clients (id INTEGER PRIMARY KEY);")
			.add("002_create_invoices.xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
							    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
							    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
							        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
							  <changeSet id="invoices" author="alice">
							    <createTable tableName="invoices">
							      <column name="id" type="INTEGER"><constraints primaryKey="true"/></column>
							      <column name="client_id" type="INTEGER"/>
							    </createTable>
							  </changeSet>
							  <changeSet id="invoices-fk" author="alice">
							    <addForeignKeyConstraint baseTableName="invoices" baseColumnNames="client_id"
							        constraintName="fk_invoices_client" referencedTableName="clients" referencedColumnNames="id"/>
							  </changeSet>
							</databaseChangeLog>
							""")
			.add("003_create_tags.yaml", """
					databaseChangeLog:
					  - changeSet:
					      id: tags
					      author: bob
					      changes:
					        - createTable:
					            tableName: tags
					            columns:
					              - column: {name: id, type: INTEGER}
					""")
			.add("004_create_rates.json",
					"""
							{"databaseChangeLog": [{"changeSet": {"id": "rates", "author": "carol", "changes": [
							  {"createTable": {"tableName": "rates", "columns": [{"column": {"name": "id", "type": "INTEGER"}}]}}
							]}}]}
							""")
			.add("005_create_notes.sql", """
					--liquibase formatted sql
					--changeset dave:notes
					CREATE TABLE notes (id INTEGER);
					--rollback DROP TABLE notes;
					--changeset dave:notes-index
					CREATE INDEX idx_notes_id ON notes (id);
					""");
		RunReport report = migrator().migrate();
		assertThat(report.applied()).containsExactly("001", "002", "003", "004", "005");
		assertThat(this.db.tables()).contains("clients", "invoices", "tags", "rates", "notes");
		List<Map<String, Object>> history = this.db.history();
		assertThat(history).extracting((row) -> row.get("ID") + "@" + row.get("FILENAME"))
			.containsExactly("001@migrations/001", "invoices@migrations/002", "invoices-fk@migrations/002",
					"tags@migrations/003", "rates@migrations/004", "notes@migrations/005",
					"notes-index@migrations/005");
		assertThat(history).extracting((row) -> row.get("TAG"))
			.containsExactly("001", null, "002", "003", "004", null, "005");
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

	@Test
	void revisionCountsAsAppliedOnlyWhenAllItsChangeSetsAreRecorded() {
		this.revisions.add("001_two_tables.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: a
				      author: x
				      changes:
				        - createTable: {tableName: table_a, columns: [{column: {name: id, type: INTEGER}}]}
				  - changeSet:
				      id: b
				      author: x
				      changes:
				        - createTable: {tableName: table_b, columns: [{column: {name: id, type: INTEGER}}]}
				""");
		migrator().migrate();
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = 'b'");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.PARTIAL);
		assertThat(status.history().get(0).state()).isEqualTo(RevisionState.PARTIAL);
		assertThat(status.history().get(0).missingChangesets()).containsExactly("b::x");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 001 (")
			.withMessageContaining("is half-applied");
	}

	@Test
	void contextsAndLabelsSelectChangeSets() {
		this.revisions.add("001_reference_data.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: schema
				      author: x
				      changes:
				        - createTable: {tableName: currencies, columns: [{column: {name: code, type: VARCHAR(3)}}]}
				  - changeSet:
				      id: test-data
				      author: x
				      context: test
				      changes:
				        - insert: {tableName: currencies, columns: [{column: {name: code, value: TST}}]}
				  - changeSet:
				      id: prod-data
				      author: x
				      context: prod
				      changes:
				        - insert: {tableName: currencies, columns: [{column: {name: code, value: EUR}}]}
				""");
		MigrationSettings settings = MigrationSettings.defaults().withContexts("prod");
		migrator(settings).migrate();
		assertThat(this.db.jdbc().queryForList("SELECT code FROM currencies", String.class)).containsExactly("EUR");
		assertThat(migrator(settings).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void keepsHistoryInConfiguredTableAndSchema() {
		String billing = otherSchema();
		this.db.jdbc().execute("CREATE SCHEMA " + billing);
		this.revisions.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER);");
		MigrationSettings settings = MigrationSettings.defaults()
			.withHistoryTable("MIGRATION_HISTORY")
			.withDefaultSchema(billing);
		migrator(settings).migrate();
		assertThat(this.db.jdbc()
			.queryForObject("SELECT count(*) FROM information_schema.tables WHERE lower(table_schema) = ? "
					+ "AND lower(table_name) IN ('accounts', 'migration_history')", Integer.class, billing))
			.isEqualTo(2);
		assertThat(this.db.history(billing + ".MIGRATION_HISTORY")).extracting((row) -> row.get("ID"))
			.containsExactly("001");
		assertThat(migrator(settings).migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

	@Test
	void failingRevisionStopsTheRunAndNamesRevisionStatementAndError() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_broken.sql", """
					CREATE TABLE audit_log (id INTEGER);
					INSERT INTO no_such_table VALUES (1);
					""")
			.add("003_never.sql", "CREATE TABLE never (id INTEGER);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 broken")
			.withMessageContaining("002_broken.sql")
			.withMessageContaining("Statement: INSERT INTO no_such_table VALUES (1)")
			.withMessageContaining("Database error:")
			.withMessageContaining("at revision 001");
		assertThat(historyIds()).containsExactly("001");
		assertThat(this.db.tables()).doesNotContain("never");
	}

	@Test
	void noOpStartNeverHidesARemovedHistoryRow() {
		addTimeTrackingRevisions();
		migrator().migrate();
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = '003'");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.BEHIND);
		assertThat(status.pending()).extracting(RevisionStatus::revision).containsExactly("003");
	}

	@Test
	void noOpStartNeverHidesARowAddedByAnotherTool() {
		addTimeTrackingRevisions();
		migrator().migrate();
		this.db.jdbc()
			.update("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) "
					+ "VALUES ('004', 'migrations', 'migrations/004', CURRENT_TIMESTAMP, 99, 'MARK_RAN')");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.AHEAD);
		assertThat(status.unknown()).extracting(RevisionStatus::revision).containsExactly("004");
	}

	@Test
	void noOpStartNeverHidesAChangedTarget() {
		addTimeTrackingRevisions();
		migrator().migrate();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(settings(MigrationMode.UPGRADE, "001")).migrate())
			.withMessageContaining("above the target 001");
		assertThat(migrator(settings(MigrationMode.VALIDATE, "head")).migrate().outcome())
			.isEqualTo(RunReport.Outcome.VALIDATED);
	}

	@Test
	void startAtHeadDecidesThroughTheMigratorsOwnDataSourceNotTheApplications() {
		addTimeTrackingRevisions();
		migrator().migrate();
		List<Map<String, Object>> before = this.db.history();
		CountingDataSource own = new CountingDataSource(this.db.dataSource());
		CountingDataSource application = new CountingDataSource(this.db.dataSource());
		RunReport report = migrator(own, application).migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(report.from()).isEqualTo("003");
		assertThat(report.to()).isEqualTo("003");
		// One connection, of the data source the full path would use: it sees the same
		// history table.
		assertThat(own.connections()).isEqualTo(1);
		assertThat(application.connections()).isZero();
		assertThat(this.db.history()).isEqualTo(before);
	}

	@Test
	void startAtHeadNeverHidesARevisionWhoseHistoryRowWasRemoved() {
		addTimeTrackingRevisions();
		migrator().migrate();
		// 003 reverted by hand: its column and its history row are gone.
		this.db.jdbc().execute("ALTER TABLE projects DROP COLUMN budget");
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = '003'");
		RunReport report = migrator().migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(report.applied()).containsExactly("003");
		assertThat(this.db.jdbc().queryForObject("SELECT COUNT(budget) FROM projects", Integer.class)).isZero();
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void startAtHeadNeverHidesARevisionRecordedByAnotherTool() {
		addTimeTrackingRevisions();
		migrator().migrate();
		this.db.jdbc()
			.update("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
					+ "MD5SUM) VALUES ('004', 'migrations', 'migrations/004', CURRENT_TIMESTAMP, 99, 'MARK_RAN', "
					+ "'9:00000000000000000000000000000000')");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withOnUnknownRevisions(UnknownRevisionsAction.FAIL))
				.migrate())
			.withMessageContaining("records revision(s) 004 that this application does not have");
	}

	@Test
	void startAtHeadInValidateModeStillFailsOnAnEditedFile() {
		addTimeTrackingRevisions();
		migrator().migrate();
		this.revisions.add("003_add_project_budget.sql", "ALTER TABLE projects ADD COLUMN budget NUMERIC(14, 2);");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(settings(MigrationMode.VALIDATE, "head")).migrate())
			.withMessageContaining("Revision 003 was edited after it was applied");
	}

	@Test
	void statusOfOneMigratorFollowsChangesMadeByAnotherTool() {
		addTimeTrackingRevisions();
		Migrator migrator = migrator();
		migrator.migrate();
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = '003'");
		assertThat(migrator.status().pending()).extracting(RevisionStatus::revision).containsExactly("003");
		migrator.stamp(Target.of("003"));
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		this.db.jdbc()
			.update("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) "
					+ "VALUES ('004', 'migrations', 'migrations/004', CURRENT_TIMESTAMP, 99, 'MARK_RAN')");
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.AHEAD);
	}

	@Test
	void failedRunKeepsWhatItDidInTheReport() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_create_roles.sql", "CREATE TABLE roles (id INTEGER PRIMARY KEY);")
			.add("003_broken.sql", "INSERT INTO no_such_table VALUES (1);");
		Migrator migrator = migrator();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate);
		RunReport report = migrator.lastRun();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.FAILED);
		assertThat(report.from()).isNull();
		assertThat(report.to()).isEqualTo("002");
		assertThat(report.applied()).containsExactly("001", "002");
		assertThat(report.error()).contains("Revision 003 broken");
	}

	@Test
	void runRefusedBeforeWritingIsReportedAsRefused() {
		addTimeTrackingRevisions();
		Migrator migrator = migrator(settings(MigrationMode.UPGRADE, "999"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate);
		assertThat(migrator.lastRun().outcome()).isEqualTo(RunReport.Outcome.REFUSED);
		assertThat(migrator.lastRun().error()).contains("migrations.target=999");
	}

	@Test
	void lockTimeoutMustNotBeNegative() {
		MigrationSettings d = MigrationSettings.defaults();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> d.withLockTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("migrations.lock.timeout");
	}

}
