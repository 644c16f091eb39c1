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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A revision merged from a branch after later revisions ran: refused before anything is
 * written, unless {@code migrations.out-of-order=true}. Run once on H2 and once on
 * PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractOutOfOrderTests extends AbstractDatabaseTests {

	/** Branch B's 020 is deployed first; branch A's 019 arrives with the next deploy. */
	private void deployTwentyBeforeNineteen() {
		this.revisions.add("018_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);")
			.add("020_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		migrator().migrate();
		this.revisions.add("019_create_costs.sql", "CREATE TABLE costs (id INTEGER PRIMARY KEY);");
	}

	@Test
	void refusesRevisionBelowAnAppliedOneAndWritesNothing() {
		deployTwentyBeforeNineteen();
		List<String> tables = this.db.tables();
		List<Map<String, Object>> history = this.db.history();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 019 (")
			.withMessageContaining("019_create_costs.sql")
			.withMessageContaining("revision(s) 020 that follow it")
			.withMessageContaining("out of order")
			.withMessageContaining("The database is at revision 020. Nothing was written.")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("Renumber 019 above the head 020")
				.contains("migrations.out-of-order=true"));
		assertThat(this.db.tables()).isEqualTo(tables).doesNotContain("costs");
		assertThat(this.db.history()).isEqualTo(history);
	}

	@Test
	void validateRefusesRevisionBelowAnAppliedOne() {
		deployTwentyBeforeNineteen();
		List<Map<String, Object>> history = this.db.history();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(MigrationSettings.defaults().withMode(MigrationMode.VALIDATE)).migrate())
			.withMessageContaining("Revision 019")
			.withMessageContaining("out of order");
		assertThat(this.db.history()).isEqualTo(history);
	}

	@Test
	void statusShowsRevisionAsPendingOutOfOrder() {
		deployTwentyBeforeNineteen();
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.BEHIND);
		assertThat(status.current()).isEqualTo("020");
		assertThat(status.pending()).singleElement().satisfies((revision) -> {
			assertThat(revision.revision()).isEqualTo("019");
			assertThat(revision.outOfOrder()).isTrue();
		});
		assertThat(status.outOfOrder()).extracting(RevisionStatus::revision).containsExactly("019");
	}

	@Test
	void appliesRevisionOutOfOrderWhenAllowed(CapturedOutput output) {
		deployTwentyBeforeNineteen();
		RunReport report = migrator(MigrationSettings.defaults().withOutOfOrder(true)).migrate();
		assertThat(output).contains("Revision 019 (" + this.revisions.location() + "019_create_costs.sql) runs out of "
				+ "order: revision(s) 020 that follow it are already recorded (migrations.out-of-order=true)");
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(report.applied()).containsExactly("019");
		assertThat(this.db.tables()).contains("costs");
		assertThat(historyIds()).containsExactly("018", "020", "019");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.pending()).isEmpty();
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

	@Test
	void pendingBranchJoinedByPendingMergeIsNotOutOfOrder() {
		// 020 was applied on its branch; 019 is the other branch, and 021 merges both:
		// 019 sorts below 020, but no
		// applied revision follows it in the graph, so it runs in order before the merge.
		this.revisions.add("018_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);")
			.add("020_create_invoices.sql", "-- down_revision: 018\nCREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		migrator().migrate();
		this.revisions
			.add("019_create_costs.sql", "-- down_revision: 018\nCREATE TABLE costs (id INTEGER PRIMARY KEY);")
			.add("021_merge.sql", "-- down_revision: 019, 020\n");
		MigrationStatus status = migrator().status();
		assertThat(status.pending()).extracting(RevisionStatus::revision).containsExactly("019", "021");
		assertThat(status.outOfOrder()).isEmpty();
		RunReport report = migrator().migrate();
		assertThat(report.applied()).containsExactly("019", "021");
		assertThat(historyIds()).containsExactly("018", "020", "019", "021");
	}

	@Test
	void revisionAddedBelowAMergeThatIsAppliedIsOutOfOrder() {
		this.revisions.add("018_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);")
			.add("019_create_costs.sql", "CREATE TABLE costs (id INTEGER PRIMARY KEY);")
			.add("020_create_invoices.sql", "-- down_revision: 018\nCREATE TABLE invoices (id INTEGER PRIMARY KEY);")
			.add("021_merge.sql", "-- down_revision: 019, 020\n");
		migrator().migrate();
		// A revision slipped in below 019 (which follows it by natural order), so below
		// the applied merge too.
		this.revisions.add("018.5_add_project_note.sql", "ALTER TABLE projects ADD note VARCHAR(10);");
		List<Map<String, Object>> history = this.db.history();
		assertThat(migrator().status().outOfOrder()).extracting(RevisionStatus::revision).containsExactly("018.5");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 018.5")
			.withMessageContaining("revision(s) 019, 021 that follow it");
		assertThat(this.db.history()).isEqualTo(history);
	}

}
