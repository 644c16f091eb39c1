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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

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
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate());
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
		MigrationStatus status = migrator.status();
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

}
