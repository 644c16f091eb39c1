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
import dev.migrations.internal.revision.RevisionContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Accepting an edited revision ({@code migrations.repair},
 * {@link Migrator#repair(String)}) and writing back checksums that were cleared. Run on
 * H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractRepairTests extends AbstractDatabaseTests {

	static final String PROJECTS = "CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100));";

	static final String EDITED_PROJECTS = "-- projects of a customer\n" + PROJECTS;

	@BeforeEach
	void applyTwoRevisions() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_create_projects.sql", PROJECTS);
		migrator().migrate();
	}

	static String checksum(String text) {
		return "9:" + RevisionContent.Sql.md5(text);
	}

	Map<String, Object> row(String id) {
		return this.db.history().stream().filter((row) -> id.equals(row.get("ID"))).findFirst().orElseThrow();
	}

	@Test
	void editedRevisionFailsTheStartNamingTheRepair() {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 was edited after it was applied")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("migrations.repair=002"));
	}

	@Test
	void repairRecordsTheFilesChecksumWithANoteAndLogsBoth(CapturedOutput output) {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS);
		RunReport report = migrator(MigrationSettings.defaults().withRepair("002")).migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		Map<String, Object> row = row("002");
		assertThat(row.get("MD5SUM")).isEqualTo(checksum(EDITED_PROJECTS));
		assertThat((String) row.get("COMMENTS")).startsWith("applied by migrations in ")
			.contains("; repaired by migrations: checksum " + checksum(PROJECTS) + " -> " + checksum(EDITED_PROJECTS)
					+ " at ");
		assertThat(row.get("EXECTYPE")).isEqualTo("EXECUTED");
		assertThat(output).contains("Repaired revision 002 create projects",
				"now records checksum " + checksum(EDITED_PROJECTS) + " (was " + checksum(PROJECTS) + ")");
		// The revision keeps its state and duration, and the next start is a plain no-op.
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.history().get(1).state()).isEqualTo(RevisionState.APPLIED);
		assertThat(status.history().get(1).executionTimeMs()).isNotNull();
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

	@Test
	void repairIsIdempotent() {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS);
		migrator(MigrationSettings.defaults().withRepair("002")).migrate();
		List<Map<String, Object>> repaired = this.db.history();
		RunReport again = migrator(MigrationSettings.defaults().withRepair("002")).migrate();
		assertThat(again.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(migrator().repair(Target.of("002")).outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(this.db.history()).isEqualTo(repaired);
	}

	@Test
	void repairThroughTheApiRecordsTheChecksumWithoutApplyingPendingRevisions() {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS)
			.add("003_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		RunReport report = migrator().repair(Target.of("002"));
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(report.applied()).isEmpty();
		assertThat(row("002").get("MD5SUM")).isEqualTo(checksum(EDITED_PROJECTS));
		assertThat(historyIds()).containsExactly("001", "002");
	}

	@Test
	void repairKeepsAStampedRevisionStamped() {
		this.revisions.add("003_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		migrator().stamp(Target.of("003"));
		this.revisions.add("003_create_invoices.sql", "CREATE TABLE invoices (id BIGINT PRIMARY KEY);");
		migrator().repair(Target.of("003"));
		assertThat((String) row("003").get("COMMENTS")).startsWith("stamped by migrations; repaired by migrations");
		assertThat(migrator().status().history().get(2).state()).isEqualTo(RevisionState.STAMPED);
		// A second edit replaces the note instead of adding another.
		this.revisions.add("003_create_invoices.sql", "CREATE TABLE invoices (id NUMERIC PRIMARY KEY);");
		migrator().repair(Target.of("003"));
		assertThat((String) row("003").get("COMMENTS")).containsOnlyOnce("repaired by migrations")
			.contains("-> " + checksum("CREATE TABLE invoices (id NUMERIC PRIMARY KEY);"));
	}

	@Test
	void repairOfAnUnknownRevisionFailsAndWritesNothing() {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS);
		List<Map<String, Object>> before = this.db.history();
		Migrator migrator = migrator(MigrationSettings.defaults().withRepair("999"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("migrations.repair=999 names a revision that does not exist");
		assertThat(migrator.lastRun().outcome()).isEqualTo(RunReport.Outcome.REFUSED);
		assertThat(this.db.history()).isEqualTo(before);
	}

	@Test
	void repairOfAnUnappliedRevisionFailsAndWritesNothing() {
		this.revisions.add("003_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		List<Map<String, Object>> before = this.db.history();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withRepair("003")).migrate())
			.withMessageContaining("Cannot repair revision 003 create invoices")
			.withMessageContaining("it is not recorded")
			.withMessageContaining("Nothing was written");
		assertThat(this.db.history()).isEqualTo(before);
		assertThat(this.db.tables()).doesNotContain("invoices");
	}

	@Test
	void repairIsIgnoredWithAWarningWhenTheRunWritesNothing(CapturedOutput output) {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS);
		List<Map<String, Object>> before = this.db.history();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withMode(MigrationMode.VALIDATE).withRepair("002"))
				.migrate())
			.withMessageContaining("Revision 002 was edited after it was applied");
		assertThat(output).contains("migrations.repair=002 is ignored: a repair writes, and this run writes nothing "
				+ "(migrations.mode=validate)");
		assertThat(this.db.history()).isEqualTo(before);
	}

	@Test
	void repairMustNameOneRevision() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationSettings.defaults().withRepair("head"))
			.withMessageContaining("migrations.repair");
	}

	@Test
	void clearedChecksumsAreWrittenBackSoThatTheNextStartNeedsOneNarrowQuery(CapturedOutput output) {
		this.db.jdbc().update("UPDATE DATABASECHANGELOG SET MD5SUM = NULL");
		RunReport report = migrator().migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(this.db.history()).extracting((row) -> row.get("MD5SUM"))
			.containsExactly(checksum("CREATE TABLE users (id INTEGER PRIMARY KEY);"), checksum(PROJECTS));
		assertThat(output).contains("Wrote back the checksum of 2 change set(s)");
		// The no-op start reads FILENAME, ID, AUTHOR and MD5SUM only: without another
		// column the full path fails.
		this.db.jdbc().execute("ALTER TABLE DATABASECHANGELOG DROP COLUMN DEPLOYMENT_ID");
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

}
