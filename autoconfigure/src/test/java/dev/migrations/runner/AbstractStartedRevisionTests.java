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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.ResultSetExtractor;

import dev.migrations.MigrationException;
import dev.migrations.actuate.MigrationsHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A revision stopped half-way on a database whose DDL commits at once (MariaDB, H2): the
 * started-revision marker, the next start's message, and the two ways out.
 */
abstract class AbstractStartedRevisionTests extends AbstractDatabaseTests {

	@BeforeEach
	void addRevisions() {
		// 002 stops after its first statement: the carriers table it fills is not there
		// (yet).
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_create_shipments.sql", """
					CREATE TABLE shipments (id INTEGER PRIMARY KEY, carrier_id INTEGER);
					INSERT INTO carriers (id) VALUES (1);
					""")
			.add("003_create_parcels.sql", "CREATE TABLE parcels (id INTEGER PRIMARY KEY);");
	}

	private void stopInside002() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.satisfies((ex) -> assertThat(ex.getAction()).contains("002 is marked as started", "repair 002"));
		assertThat(this.db.tables()).contains("shipments").doesNotContain("parcels");
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void theNextStartRefusesBeforeDoingAnythingNamingTheRevisionItsProgressAndTheWaysOut() {
		stopInside002();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 (")
			.withMessageContaining("never finished")
			.withMessageContaining("statement 1: CREATE TABLE shipments")
			.withMessageContaining("the revision file is not at fault")
			.withMessageNotContaining("already exists")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("stamp 002", "repair 002",
					"DATABASECHANGELOG_STARTED"));
		assertThat(this.db.tables()).contains("shipments").doesNotContain("parcels");
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void theStatusAndHealthShowTheInterruptedRevisionWithTheWaysOutUntilItIsRepaired() {
		Migrator migrator = migrator();
		assertThat(migrator.status().interrupted()).isNull();
		assertThat(this.db.tables()).doesNotContain("DATABASECHANGELOG_STARTED", "databasechangelog_started");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate);
		MigrationStatus interruptedStatus = migrator.status();
		MigrationStatus status = interruptedStatus;
		assertThat(status.state()).isEqualTo(DatabaseState.PARTIAL);
		assertThat(status.current()).isEqualTo("001");
		assertThat(status.pending()).extracting(RevisionStatus::revision).containsExactly("002", "003");
		assertThat(status.interrupted()).isNotNull().satisfies((interrupted) -> {
			assertThat(interrupted.revision()).isEqualTo("002");
			assertThat(interrupted.file()).endsWith("002_create_shipments.sql");
			assertThat(interrupted.startedAt()).isNotNull();
			assertThat(interrupted.startedBy()).startsWith("process " + ProcessHandle.current().pid() + " on ");
			assertThat(interrupted.statementsStarted()).isEqualTo(1);
			assertThat(interrupted.lastStatement()).startsWith("CREATE TABLE shipments");
			assertThat(interrupted.description()).contains("Revision 002 (", "never finished",
					"statement 1: CREATE TABLE shipments");
			assertThat(interrupted.action()).contains("stamp 002", "repair 002", "DATABASECHANGELOG_STARTED");
		});
		// The revision's own detail (show 002, GET /actuator/migrations/002) carries the
		// marker; another revision's does not.
		assertThat(migrator.show("002")).get()
			.satisfies((detail) -> assertThat(detail.interrupted()).isEqualTo(interruptedStatus.interrupted()));
		assertThat(migrator.show("001")).get().satisfies((detail) -> assertThat(detail.interrupted()).isNull());
		Health health = new MigrationsHealthIndicator(migrator, Duration.ZERO).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", DatabaseState.PARTIAL)
			.containsEntry("interrupted", status.interrupted().description())
			.containsEntry("interruptedAction", status.interrupted().action());
		assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(migrator::validate)
			.withMessageContaining("Revision 002 (")
			.withMessageContaining("never finished")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("repair 002"));
		this.db.jdbc().execute("DROP TABLE shipments");
		assertThat(migrator.repair(Target.of("002")).outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		status = migrator.status();
		assertThat(status.interrupted()).isNull();
		assertThat(status.state()).isEqualTo(DatabaseState.BEHIND);
		assertThat(new MigrationsHealthIndicator(migrator, Duration.ZERO).health().getStatus())
			.isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void aRevisionCompletedByHandIsStampedAndTheRunGoesOn() {
		stopInside002();
		this.db.jdbc().execute("CREATE TABLE carriers (id INTEGER PRIMARY KEY)");
		this.db.jdbc().execute("INSERT INTO carriers (id) VALUES (1)");
		migrator().stamp(Target.of("002"));
		assertThat(historyIds()).containsExactly("001", "002");
		assertThat(migrator().migrate().applied()).containsExactly("003");
		assertThat(this.db.tables()).contains("shipments", "carriers", "parcels");
	}

	@Test
	void aRevisionUndoneByHandRunsAgainFromItsFirstStatementOnceRepaired() {
		stopInside002();
		this.db.jdbc().execute("DROP TABLE shipments");
		this.db.jdbc().execute("CREATE TABLE carriers (id INTEGER PRIMARY KEY)");
		assertThat(migrator().repair(Target.of("002")).outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(migrator().migrate().applied()).containsExactly("002", "003");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM carriers", Integer.class)).isEqualTo(1);
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void aRevisionThatFailsBeforeAnythingCommitsLeavesNoMarker() {
		this.revisions.add("002_create_shipments.sql", """
				INSERT INTO users (id) VALUES (1);
				INSERT INTO carriers (id) VALUES (1);
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate());
		this.db.jdbc().execute("CREATE TABLE carriers (id INTEGER PRIMARY KEY)");
		assertThat(migrator().migrate().applied()).containsExactly("002", "003");
	}

	@Test
	void aRevisionThatFinishesLeavesNoMarker() {
		this.revisions.add("002_create_shipments.sql", """
				CREATE TABLE shipments (id INTEGER PRIMARY KEY, carrier_id INTEGER);
				CREATE TABLE carriers (id INTEGER PRIMARY KEY);
				INSERT INTO carriers (id) VALUES (1);
				""");
		assertThat(migrator().migrate().applied()).containsExactly("001", "002", "003");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM DATABASECHANGELOG_STARTED", Integer.class))
			.isZero();
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	/**
	 * 003's downgrade stops after its first statement (DDL, committed at once): the
	 * carriers table its second statement empties is not there.
	 */
	private void stopInsideTheDowngradeOf003() {
		this.revisions.add("002_create_shipments.sql", "CREATE TABLE shipments (id INTEGER PRIMARY KEY);")
			.add("003_create_parcels.down.sql", """
					DROP TABLE parcels;
					DELETE FROM carriers;
					""");
		assertThat(migrator().migrate().applied()).containsExactly("001", "002", "003");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("002")))
			.withMessageContaining("Downgrading revision 003")
			.satisfies((ex) -> assertThat(ex.getAction())
				.contains("003 stays recorded and is marked as being reversed", "repair 003",
						"stamp the revision below 003")
				.doesNotContain("removing what its statements left behind"));
		assertThat(this.db.tables()).contains("shipments").doesNotContain("parcels");
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void anInterruptedDowngradeIsShownAndRefusedNamingTheDirectionItsProgressAndTheWaysOut() {
		stopInsideTheDowngradeOf003();
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.PARTIAL);
		assertThat(status.current()).isEqualTo("003");
		assertThat(status.interrupted()).isNotNull().satisfies((interrupted) -> {
			assertThat(interrupted.revision()).isEqualTo("003");
			assertThat(interrupted.direction()).isEqualTo(InterruptedRevision.Direction.DOWNGRADE);
			assertThat(interrupted.statementsStarted()).isEqualTo(1);
			assertThat(interrupted.lastStatement()).startsWith("DROP TABLE parcels");
		});
		for (Runnable run : List.<Runnable>of(() -> migrator().migrate(), () -> migrator().downgrade(Target.of("002")),
				() -> migrator().upgrade(Target.of("head")))) {
			assertThatExceptionOfType(MigrationException.class).isThrownBy(run::run)
				.withMessageContaining("Revision 003 (")
				.withMessageContaining("was being reversed (downgrade to 002)")
				.withMessageContaining("never finished")
				.withMessageContaining("its downgrade's first statement had started")
				.withMessageContaining("statement 1: DROP TABLE parcels")
				.withMessageContaining("The history still records 003 as applied")
				.satisfies((ex) -> assertThat(ex.getAction()).contains("restore by hand", "repair 003",
						"003 stays applied", "complete the reversal by hand", "stamp 002",
						"DATABASECHANGELOG_STARTED"));
		}
		assertThat(this.db.tables()).contains("shipments").doesNotContain("parcels");
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void aDowngradeUndoneByHandIsRepairedAndTheRevisionStaysApplied() {
		stopInsideTheDowngradeOf003();
		this.db.jdbc().execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY)");
		assertThat(migrator().repair(Target.of("003")).outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(historyIds()).containsExactly("001", "002", "003");
		MigrationStatus status = migrator().status();
		assertThat(status.interrupted()).isNull();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		this.db.jdbc().execute("CREATE TABLE carriers (id INTEGER PRIMARY KEY)");
		assertThat(migrator().downgrade(Target.of("002")).reverted()).containsExactly("003");
		assertThat(this.db.tables()).doesNotContain("parcels");
		assertThat(historyIds()).containsExactly("001", "002");
	}

	@Test
	void aDowngradeCompletedByHandIsStampedAtTheRevisionBelowWhichRecordsItAsReversed() {
		stopInsideTheDowngradeOf003();
		// The rest of the downgrade empties carriers, which is not there: nothing to do.
		RunReport stamped = migrator().stamp(Target.of("002"));
		assertThat(stamped.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(stamped.reverted()).containsExactly("003");
		assertThat(stamped.from()).isEqualTo("003");
		assertThat(stamped.to()).isEqualTo("002");
		assertThat(historyIds()).containsExactly("001", "002");
		MigrationStatus status = migrator().status();
		assertThat(status.interrupted()).isNull();
		assertThat(status.state()).isEqualTo(DatabaseState.BEHIND);
		assertThat(status.pending()).extracting(RevisionStatus::revision).containsExactly("003");
		assertThat(migrator().migrate().applied()).containsExactly("003");
		assertThat(this.db.tables()).contains("shipments", "parcels");
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void aStampOtherThanTheRevisionBelowAnInterruptedDowngradeIsRefused() {
		stopInsideTheDowngradeOf003();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().stamp(Target.of("001")))
			.withMessageContaining("was being reversed (downgrade to 002)");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().stamp(Target.of("003")))
			.withMessageContaining("was being reversed (downgrade to 002)");
		assertThat(historyIds()).containsExactly("001", "002", "003");
		assertThat(migrator().status().interrupted()).isNotNull();
	}

	@Test
	void anInterruptedDowngradeOfTheFirstRevisionIsResolvedByDeletingItsHistoryRowsAndRepairing() {
		this.revisions.add("001_create_users.down.sql", """
				DROP TABLE users;
				DELETE FROM carriers;
				""")
			.add("002_create_shipments.sql", "CREATE TABLE shipments (id INTEGER PRIMARY KEY);")
			.add("002_create_shipments.down.sql", "DROP TABLE shipments;")
			.add("003_create_parcels.down.sql", "DROP TABLE parcels;");
		migrator().migrate();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("base")));
		assertThat(historyIds()).containsExactly("001");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 001 (")
			.withMessageContaining("was being reversed (downgrade to base)")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("repair 001",
					"delete the history rows of 001 by hand"));
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = '001'");
		assertThat(migrator().repair(Target.of("001")).outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.EMPTY);
		assertThat(migrator().migrate().applied()).containsExactly("001", "002", "003");
		assertThat(this.db.tables()).contains("users", "shipments", "parcels");
	}

	@Test
	void aDowngradeThatFailsBeforeAnythingCommitsLeavesNoMarker() {
		this.revisions.add("002_create_shipments.sql", "CREATE TABLE shipments (id INTEGER PRIMARY KEY);")
			.add("003_create_parcels.down.sql", "DELETE FROM carriers;");
		migrator().migrate();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("002")))
			.satisfies((ex) -> assertThat(ex.getAction()).doesNotContain("marked"));
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM DATABASECHANGELOG_STARTED", Integer.class))
			.isZero();
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void aMarkerTableWithoutTheDirectionIsReadAsAnUpgradeAndGetsTheColumnWhenNextWritten() {
		this.db.jdbc()
			.execute("CREATE TABLE DATABASECHANGELOG_STARTED (REVISION VARCHAR(255) NOT NULL, FILENAME VARCHAR(1000), "
					+ "STARTED TIMESTAMP NOT NULL, STATEMENTS INTEGER NOT NULL, LAST_STATEMENT VARCHAR(1000), "
					+ "STARTED_BY VARCHAR(255))");
		this.db.jdbc()
			.update("INSERT INTO DATABASECHANGELOG_STARTED VALUES ('001', '001_create_users.sql', CURRENT_TIMESTAMP, "
					+ "1, 'CREATE TABLE users (id INTEGER PRIMARY KEY)', 'an earlier version')");
		InterruptedRevision interrupted = migrator().status().interrupted();
		assertThat(interrupted).isNotNull();
		assertThat(interrupted.direction()).isEqualTo(InterruptedRevision.Direction.UPGRADE);
		assertThat(interrupted.description()).contains("Revision 001 (", "was started", "by an earlier version");
		assertThat(columns()).doesNotContain("DIRECTION");
		assertThat(migrator().repair(Target.of("001")).outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		stopInside002();
		assertThat(columns()).contains("DIRECTION");
		assertThat(this.db.jdbc().queryForObject("SELECT DIRECTION FROM DATABASECHANGELOG_STARTED", String.class))
			.isEqualTo("UPGRADE");
		assertThat(migrator().status().interrupted().revision()).isEqualTo("002");
	}

	private List<String> columns() {
		return this.db.jdbc()
			.query("SELECT * FROM DATABASECHANGELOG_STARTED WHERE 1 = 0", (ResultSetExtractor<List<String>>) (rs) -> {
				List<String> names = new ArrayList<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					names.add(rs.getMetaData().getColumnLabel(i).toUpperCase(Locale.ROOT));
				}
				return names;
			});
	}

}
