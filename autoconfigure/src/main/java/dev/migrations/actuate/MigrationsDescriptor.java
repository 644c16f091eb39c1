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

package dev.migrations.actuate;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.Container;
import dev.migrations.DatabaseInfo;
import dev.migrations.runner.DatabaseState;
import dev.migrations.runner.InterruptedRevision;
import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.RevisionState;
import dev.migrations.runner.RevisionStatus;
import dev.migrations.runner.RunReport;

/**
 * The report of {@code GET /actuator/migrations}: where the database stands, what is
 * pending, its history and the last run. Field names are part of the endpoint's contract.
 *
 * @param database the database, without credentials
 * @param state the database state
 * @param current the newest revision recorded, or {@code null} for none
 * @param heads the application's head revisions
 * @param target the target as configured: {@code head} or a revision id
 * @param pending the revisions up to the target that are not recorded, in the order they
 * would run
 * @param history the recorded, partial and unknown revisions, oldest first
 * @param lastRun the last run of this application, or {@code null} if it ran none
 * @param interrupted the revision an earlier run started and never finished (MariaDB,
 * MySQL, H2), with the ways out; {@code null} if there is none
 * @author Migrations for Spring Boot contributors
 */
public record MigrationsDescriptor(DatabaseDescriptor database, DatabaseState state, @Nullable String current,
		List<String> heads, String target, List<PendingRevisionDescriptor> pending,
		List<HistoryRevisionDescriptor> history, @Nullable RunDescriptor lastRun,
		@Nullable InterruptedRevisionDescriptor interrupted) {

	/**
	 * Describe a status and a run.
	 * @param status the status
	 * @param lastRun the last run, or {@code null}
	 * @return the descriptor
	 */
	public static MigrationsDescriptor of(MigrationStatus status, @Nullable RunReport lastRun) {
		return new MigrationsDescriptor(DatabaseDescriptor.of(status.database()), status.state(), status.current(),
				status.heads(), status.target(), status.pending().stream().map(PendingRevisionDescriptor::of).toList(),
				status.history().stream().map(HistoryRevisionDescriptor::of).toList(),
				(lastRun != null) ? RunDescriptor.of(lastRun) : null,
				(status.interrupted() != null) ? InterruptedRevisionDescriptor.of(status.interrupted()) : null);
	}

	/**
	 * The database a migrator works on.
	 *
	 * @param product the product name
	 * @param version the product version
	 * @param url the JDBC URL, without user or password
	 * @param database the database the history is kept in where the database is the
	 * container (MariaDB, MySQL), else {@code null}
	 * @param schema the schema the history is kept in where the schema is the container
	 * (PostgreSQL, H2), else {@code null}
	 */
	public record DatabaseDescriptor(String product, String version, String url, @Nullable String database,
			@Nullable String schema) {

		static DatabaseDescriptor of(DatabaseInfo database) {
			Container container = database.container();
			boolean isDatabase = container.kind() == Container.Kind.DATABASE;
			return new DatabaseDescriptor(database.product(), database.version(), database.url(),
					isDatabase ? container.name() : null, isDatabase ? null : container.name());
		}

	}

	/**
	 * A revision that is not recorded yet.
	 *
	 * @param revision the revision id
	 * @param description the description
	 * @param file the revision file
	 * @param outOfOrder whether a recorded revision already follows it, so that applying
	 * it runs it out of order
	 */
	public record PendingRevisionDescriptor(String revision, String description, @Nullable String file,
			boolean outOfOrder) {

		static PendingRevisionDescriptor of(RevisionStatus revision) {
			return new PendingRevisionDescriptor(revision.revision(), revision.description(), revision.file(),
					revision.outOfOrder());
		}

	}

	/**
	 * A revision the history records, fully or partly.
	 *
	 * @param revision the revision id
	 * @param description the description
	 * @param state {@code APPLIED}, {@code STAMPED}, {@code BASELINE}, {@code PARTIAL} or
	 * {@code UNKNOWN}
	 * @param appliedAt when its last change set was recorded
	 * @param executionTimeMs how long it took to apply, when this starter applied it
	 * @param changesets how many change sets it has for this database
	 * @param deploymentId the Liquibase deployment id of the run that recorded it
	 */
	public record HistoryRevisionDescriptor(String revision, String description, RevisionState state,
			@Nullable Instant appliedAt, @Nullable Long executionTimeMs, int changesets,
			@Nullable String deploymentId) {

		static HistoryRevisionDescriptor of(RevisionStatus revision) {
			return new HistoryRevisionDescriptor(revision.revision(), revision.description(), revision.state(),
					revision.appliedAt(), revision.executionTimeMs(), revision.changesets(), revision.deploymentId());
		}

	}

	/**
	 * A revision an earlier run started and never finished: part of it may be applied,
	 * and every run that would write refuses until one of the ways out is taken.
	 *
	 * @param revision the revision id
	 * @param direction {@code UPGRADE} (being applied: its history rows were never
	 * written) or {@code DOWNGRADE} (being reversed: the history still records it)
	 * @param file the revision file
	 * @param startedAt when it started, if known
	 * @param startedBy the host and process that ran it, if known
	 * @param statementsStarted how many of its statements had started
	 * @param lastStatement the start of the last statement that started, if any
	 * @param description what happened and what may be left
	 * @param action the ways out
	 */
	public record InterruptedRevisionDescriptor(String revision, InterruptedRevision.Direction direction, String file,
			@Nullable Instant startedAt, @Nullable String startedBy, int statementsStarted,
			@Nullable String lastStatement, String description, String action) {

		static InterruptedRevisionDescriptor of(InterruptedRevision revision) {
			return new InterruptedRevisionDescriptor(revision.revision(), revision.direction(), revision.file(),
					revision.startedAt(), revision.startedBy(), revision.statementsStarted(), revision.lastStatement(),
					revision.description(), revision.action());
		}

	}

	/**
	 * What a run did.
	 *
	 * @param startedAt when it started
	 * @param durationMs how long it took
	 * @param from the current revision before the run
	 * @param to the current revision after the run
	 * @param applied the revisions executed, in order
	 * @param reverted the revisions reversed by a downgrade, newest first
	 * @param recorded the revisions recorded without running (stamp, baseline)
	 * @param backup the backup file taken before writing, if any
	 * @param outcome how it ended
	 * @param error why it failed, if it did
	 */
	public record RunDescriptor(Instant startedAt, long durationMs, @Nullable String from, @Nullable String to,
			List<String> applied, List<String> reverted, List<String> recorded, @Nullable String backup,
			RunReport.Outcome outcome, @Nullable String error) {

		static RunDescriptor of(RunReport report) {
			return new RunDescriptor(report.startedAt(), report.durationMs(), report.from(), report.to(),
					report.applied(), report.reverted(), report.recorded(), report.backup(), report.outcome(),
					report.error());
		}

	}

}
