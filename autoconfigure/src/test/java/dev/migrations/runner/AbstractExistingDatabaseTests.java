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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every database state an upgrade can meet, each with real rows that must survive
 * unchanged. Run on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractExistingDatabaseTests extends AbstractDatabaseTests {

	static final String USERS = """
			CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200));
			""";

	static final String PROJECTS = """
			CREATE TABLE projects (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id),
			    name VARCHAR(100), rate NUMERIC(10, 2));
			""";

	static final String BUDGET = "ALTER TABLE projects ADD COLUMN budget NUMERIC(12, 2);";

	static final String TIME_ENTRIES = """
			CREATE TABLE time_entries (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES projects (id),
			    minutes INTEGER NOT NULL);
			""";

	@BeforeEach
	void addRevisions() {
		this.revisions.add("001_create_users.sql", USERS)
			.add("002_create_projects.sql", PROJECTS)
			.add("003_add_project_budget.sql", BUDGET)
			.add("004_create_time_entries.sql", TIME_ENTRIES);
	}

	/**
	 * Build the schema of the first revisions by hand, as a legacy application did,
	 * optionally with data.
	 */
	void buildByHand(int revisions, boolean withData) {
		List<String> scripts = List.of(USERS, PROJECTS, BUDGET, TIME_ENTRIES);
		for (int i = 0; i < revisions; i++) {
			this.db.jdbc().execute(scripts.get(i));
		}
		if (withData) {
			this.db.jdbc()
				.update("INSERT INTO users (id, name, email) VALUES (1, 'Zoë Ünal', 'zoe@example.com'), "
						+ "(2, 'O''Brien; Pat', NULL)");
			if (revisions >= 2) {
				this.db.jdbc()
					.update("INSERT INTO projects (id, owner_id, name, rate) VALUES (10, 1, 'Website €', 95.50), "
							+ "(11, 2, 'Audit', 120.00)");
			}
		}
	}

	List<Map<String, Object>> data() {
		List<Map<String, Object>> rows = new java.util.ArrayList<>(
				this.db.jdbc().queryForList("SELECT id, name, email FROM users ORDER BY id"));
		if (this.db.tables().contains("projects")) {
			rows.addAll(this.db.jdbc().queryForList("SELECT id, owner_id, name, rate FROM projects ORDER BY id"));
		}
		return rows;
	}

	List<String> states() {
		return migrator().status().history().stream().map((r) -> r.revision() + ":" + r.state()).toList();
	}

	@Test
	void emptyDatabaseIsUpgradedFromBase() {
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.EMPTY);
		assertThat(migrator().migrate().applied()).containsExactly("001", "002", "003", "004");
		assertThat(states()).containsExactly("001:APPLIED", "002:APPLIED", "003:APPLIED", "004:APPLIED");
	}

	@Test
	void tablesWithoutHistoryFailWithoutBaselineAndCreateNothing() {
		buildByHand(2, false);
		List<String> tables = this.db.tables();
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.UNMANAGED);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("has 2 table(s) in " + (this.db.isMariaDb() ? "database '" : "schema '")
					+ this.db.container() + "'")
			.withMessageContaining("no migration history")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("migrations.baseline.revision"));
		assertThat(this.db.tables()).isEqualTo(tables).doesNotContain("databasechangelog", "databasechangeloglock");
	}

	@Test
	void tablesBesideAnEmptyHistoryPointAtAnInterruptedFirstRevision() {
		this.db.jdbc().execute(USERS);
		this.db.jdbc()
			.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, "
					+ "FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INTEGER NOT NULL, "
					+ "EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), "
					+ "COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), "
					+ "LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("has 1 table(s)")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("The history table exists but is empty")
				.contains("do not baseline"));
		assertThat(this.db.history()).isEmpty();
	}

	@Test
	void legacySchemaWithDataIsBaselinedThenUpgraded() {
		buildByHand(3, true);
		List<Map<String, Object>> before = data();
		RunReport report = migrator(MigrationSettings.defaults().withBaseline("003", "TimeTracker 2.3")).migrate();
		assertThat(report.recorded()).containsExactly("001", "002", "003");
		assertThat(report.applied()).containsExactly("004");
		assertThat(states()).containsExactly("001:BASELINE", "002:BASELINE", "003:BASELINE", "004:APPLIED");
		assertThat(this.db.history()).extracting((row) -> row.get("EXECTYPE"))
			.containsExactly("MARK_RAN", "MARK_RAN", "MARK_RAN", "EXECUTED");
		assertThat(this.db.history().get(2).get("COMMENTS")).isEqualTo("baseline by migrations: TimeTracker 2.3");
		assertThat(data()).isEqualTo(before);
		assertThat(this.db.tables()).contains("time_entries");
	}

	@Test
	void partialSchemaIsBaselinedAtTheRevisionItMatches() {
		buildByHand(2, true);
		List<Map<String, Object>> before = data();
		RunReport report = migrator(MigrationSettings.defaults().withBaseline("002", "Baseline")).migrate();
		assertThat(report.applied()).containsExactly("003", "004");
		assertThat(this.db.jdbc().queryForObject("SELECT count(budget) FROM projects", Integer.class)).isZero();
		assertThat(data()).isEqualTo(before);
	}

	@Test
	void completeSchemaBuiltByHandIsStampedAtHead() {
		buildByHand(4, true);
		List<Map<String, Object>> before = data();
		RunReport report = migrator(MigrationSettings.defaults().withStamp("head")).migrate();
		assertThat(report.recorded()).containsExactly("001", "002", "003", "004");
		assertThat(report.applied()).isEmpty();
		assertThat(states()).containsExactly("001:STAMPED", "002:STAMPED", "003:STAMPED", "004:STAMPED");
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(data()).isEqualTo(before);
	}

	@Test
	void baselineIsRefusedOverADifferentExistingHistory() {
		migrator().migrate();
		List<Map<String, Object>> history = this.db.history();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withBaseline("002", "Baseline")).migrate())
			.withMessageContaining("migrations.baseline.revision=002")
			.withMessageContaining("already has a migration history (current revision 004)");
		assertThat(this.db.history()).isEqualTo(history);
	}

	@Test
	void baselineLeftInConfigurationIsANoOpOnLaterStarts() {
		buildByHand(3, true);
		MigrationSettings settings = MigrationSettings.defaults().withBaseline("003", "Baseline");
		migrator(settings).migrate();
		List<Map<String, Object>> history = this.db.history();
		assertThat(migrator(settings).migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(this.db.history()).isEqualTo(history);
	}

	@Test
	void baselineIsIgnoredOnAnEmptyDatabaseSoEverythingRuns() {
		RunReport report = migrator(MigrationSettings.defaults().withBaseline("003", "Baseline")).migrate();
		assertThat(report.applied()).containsExactly("001", "002", "003", "004");
		assertThat(states()).containsOnly("001:APPLIED", "002:APPLIED", "003:APPLIED", "004:APPLIED");
	}

	@Test
	void stampLeftInConfigurationOnlyMovesForward() {
		buildByHand(2, true);
		List<Map<String, Object>> before = data();
		MigrationSettings settings = MigrationSettings.defaults().withStamp("002");
		RunReport first = migrator(settings).migrate();
		assertThat(first.recorded()).containsExactly("001", "002");
		assertThat(first.applied()).containsExactly("003", "004");
		List<Map<String, Object>> history = this.db.history();
		for (int restart = 0; restart < 3; restart++) {
			assertThat(migrator(settings).migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
			assertThat(this.db.history()).isEqualTo(history);
		}
		this.revisions.add("005_add_user_locale.sql", "ALTER TABLE users ADD COLUMN locale VARCHAR(10);");
		assertThat(migrator(settings).migrate().applied()).containsExactly("005");
		assertThat(states()).containsExactly("001:STAMPED", "002:STAMPED", "003:APPLIED", "004:APPLIED", "005:APPLIED");
		assertThat(data()).isEqualTo(before);
	}

	@Test
	void databaseAheadOfTheCodeWarnsAndStarts(CapturedOutput output) {
		migrator().migrate();
		this.revisions.remove("004_create_time_entries.sql");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.AHEAD);
		assertThat(status.current()).isEqualTo("004");
		assertThat(status.unknown()).extracting(RevisionStatus::revision).containsExactly("004");
		RunReport report = migrator().migrate();
		assertThat(report.applied()).isEmpty();
		assertThat(output).contains("records revision(s) 004 that this application does not have");
	}

	@Test
	void databaseAheadOfTheCodeFailsWhenConfiguredTo() {
		migrator().migrate();
		this.revisions.remove("004_create_time_entries.sql");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withOnUnknownRevisions(UnknownRevisionsAction.FAIL))
				.migrate())
			.withMessageContaining("records revision(s) 004 that this application does not have");
	}

	/** Revision 005 has two change sets; only the first stays recorded. */
	void halfApplyAReportingRevision() {
		this.revisions.add("005_reporting.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: reports
				      author: ana
				      changes:
				        - createTable: {tableName: reports, columns: [{column: {name: id, type: INTEGER}}]}
				  - changeSet:
				      id: report-index
				      author: ana
				      changes:
				        - createIndex: {tableName: reports, indexName: idx_reports_id, columns: [{column: {name: id}}]}
				""");
		migrator().migrate();
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = 'report-index'");
	}

	@Test
	void halfAppliedRevisionFailsListingRecordedAndMissingChangeSets() {
		halfApplyAReportingRevision();
		List<Map<String, Object>> history = this.db.history();
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.PARTIAL);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 005")
			.withMessageContaining("half-applied")
			.withMessageContaining("reports::ana are recorded")
			.withMessageContaining("report-index::ana are not");
		assertThat(this.db.history()).isEqualTo(history);
	}

	@Test
	void halfAppliedRevisionIsCompletedByStampingIt() {
		halfApplyAReportingRevision();
		RunReport report = migrator(MigrationSettings.defaults().withStamp("005")).migrate();
		assertThat(report.recorded()).containsExactly("005");
		assertThat(this.db.history()).filteredOn((row) -> "migrations/005".equals(row.get("FILENAME")))
			.extracting((row) -> row.get("ID") + ":" + row.get("EXECTYPE"))
			.containsExactly("reports:EXECUTED", "report-index:MARK_RAN");
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void unknownBaselineRevisionFailsBeforeWriting() {
		buildByHand(2, true);
		List<String> tables = this.db.tables();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withBaseline("999", "x")).migrate())
			.withMessageContaining("migrations.baseline.revision=999 names a revision that does not exist");
		assertThat(this.db.tables()).isEqualTo(tables);
	}

	@Test
	void unknownStampRevisionFailsBeforeWriting() {
		buildByHand(2, true);
		List<String> tables = this.db.tables();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withStamp("42")).migrate())
			.withMessageContaining("migrations.stamp=42 names a revision that does not exist");
		assertThat(this.db.tables()).isEqualTo(tables);
	}

	@Test
	void conflictingHeadsFailBeforeTouchingTheDatabase() {
		this.revisions.add("005_branch_a.sql", "-- down_revision: 004\nCREATE TABLE a (id INTEGER);")
			.add("006_branch_b.sql", "-- down_revision: 004\nCREATE TABLE b (id INTEGER);");
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.CONFLICT);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("2 heads");
		assertThat(this.db.tables()).isEmpty();
	}

}
