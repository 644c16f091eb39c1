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
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Backup;
import dev.migrations.MigrationException;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.engine.ChecksumUpdate;
import dev.migrations.internal.lock.MigrationLock;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * Orchestrates one operation on a database: the one-query check at the head, the status,
 * the plan, and — to write — the lock, a fresh status and plan under it, and the plan's
 * execution. A preview takes the same steps without the lock and collects the statements
 * instead.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigrationRun {

	// The operations API's logger: what a run decides is logged under the name users
	// configure.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final Supplier<MigrationSession> sessions;

	private final RevisionGraph graph;

	private final MigrationSettings settings;

	private final Planner planner;

	private final @Nullable DatabaseBackups backups;

	MigrationRun(Supplier<MigrationSession> sessions, RevisionGraph graph, MigrationSettings settings, Planner planner,
			@Nullable DatabaseBackups backups) {
		this.sessions = sessions;
		this.graph = graph;
		this.settings = settings;
		this.planner = planner;
		this.backups = backups;
	}

	/**
	 * Carry out a request under the migration lock.
	 * @param progress the progress
	 * @param request the request
	 * @return the run report
	 */
	RunReport execute(Request request, RunProgress progress) {
		Request.Resolved resolved = resolve(request);
		Revision target = resolved.target();
		Revision repair = resolved.repair();
		try (MigrationSession session = this.sessions.get()) {
			if (StartedRevisions.takeWayOut(session, resolved, this.graph, progress)) {
				return progress.report(RunReport.Outcome.SUCCESS, null);
			}
			// A baseline left in the configuration is checked against the history's rows:
			// the full path does that.
			// A repair still to do is not at the head: the edited file's checksum differs
			// from the recorded one.
			if (resolved.baseline() == null && atHead(session, target)) {
				logger.info(
						"Database {} is up to date at revision {}: nothing to apply ({} revisions checked in {} ms)",
						session.database().url(), target.id(), this.graph.ordered().size(), since(progress));
				progress.start(target.id().value());
				return progress.report(RunReport.Outcome.UP_TO_DATE, null);
			}
			MigrationStatus status = session.status(this.graph, target, resolved.targetName());
			List<ChecksumUpdate> repairs = (repair != null) ? session.repairs(repair) : List.of();
			Planner.Plan plan;
			try {
				// The edited revision fails the checksum check until it is repaired,
				// under the lock.
				plan = repairs.isEmpty() ? plan(session, status, resolved) : null;
			}
			catch (MigrationException ex) {
				if (!mayBeMigrating(status, session)) {
					throw ex;
				}
				// Read without the lock, another migrator's revision can look half done
				// (H2 commits DDL before
				// the history rows): only what the database shows under the lock is
				// final.
				logger.info("Database {} looks {} while another migrator may be working on it: deciding under the "
						+ "migration lock", status.database().url(), status.state());
				plan = null;
			}
			// A started-revision marker is decided under the lock, even with nothing to
			// apply.
			if (plan != null && plan.isEmpty() && repairs.isEmpty() && !session.missesChecksums(this.graph)
					&& status.interrupted() == null) {
				logger.info("Database {} is {} at revision {}: nothing to apply ({} revisions checked in {} ms)",
						status.database().url(),
						(status.state() == DatabaseState.AHEAD) ? "AHEAD of the application" : "up to date",
						Migrator.orBase(status.current()), this.graph.ordered().size(), since(progress));
				progress.start(status.current());
				return progress.report(RunReport.Outcome.UP_TO_DATE, null);
			}
			if (plan != null) {
				// Every revision to reverse must be reversible and every placeholder
				// known: checked before the lock,
				// the backup and any write.
				session.preflight(plan);
				logger.info(
						"Database {} is {} at revision {}: {} to apply, {} to downgrade, {} to record without "
								+ "running",
						status.database().url(), status.state(), Migrator.orBase(status.current()), plan.apply().size(),
						plan.revert().size(), plan.recorded());
			}
			progress.writing();
			try (MigrationLock lock = session.lock()) {
				// A revision a killed run left half-applied blocks everything but its way
				// out.
				StartedRevisions.check(session, resolved, this.graph, progress);
				// Another instance may have migrated while this one waited for the lock.
				status = session.status(this.graph, target, resolved.targetName());
				if (repair != null) {
					repairs = session.repairs(repair);
					if (!repairs.isEmpty()) {
						Backup backup = session.repair(repair, repairs, status.current(), this.backups);
						if (backup != null) {
							progress.backup(backup.file().toString());
						}
						status = session.status(this.graph, target, resolved.targetName());
					}
					else {
						logger.info("Revision {} already records the checksum of {}: nothing to repair", repair.label(),
								repair.file());
					}
				}
				plan = plan(session, status, resolved);
				// A repair took the backup before the first write.
				PlanExecution.executing(session, this.settings)
					.run(status, plan, targetId(target), repairs.isEmpty() ? this.backups : null, progress);
				session.writeBackChecksums(this.graph);
				return progress.report((plan.isEmpty() && repairs.isEmpty()) ? RunReport.Outcome.UP_TO_DATE
						: RunReport.Outcome.SUCCESS, null);
			}
		}
	}

	/**
	 * The SQL a request would execute, from the same walk as its execution; writes
	 * nothing, takes no lock.
	 * @param request the request
	 * @return the sql script
	 */
	SqlScript preview(Request request) {
		Request.Resolved resolved = resolve(request);
		try (MigrationSession session = this.sessions.get()) {
			MigrationStatus status = session.status(this.graph, resolved.target(), resolved.targetName());
			Planner.Plan plan = plan(session, status, resolved);
			PlanExecution preview = PlanExecution.previewing(session, this.settings);
			preview.run(status, plan, targetId(resolved.target()), null, new RunProgress(Instant.now()));
			logger.info(
					"Preview: {} revision(s) to apply, {} to downgrade and {} to record on {}; nothing was "
							+ "executed",
					plan.apply().size(), plan.revert().size(), plan.recorded(), status.database().url());
			return new SqlScript(session.database(), preview.statements());
		}
	}

	/**
	 * Check, writing nothing, that the database is at the request's target with matching
	 * checksums.
	 * @param progress the progress
	 * @param request the request
	 * @return the run report
	 * @throws ValidationFailedException if it is not
	 */
	RunReport validate(Request request, RunProgress progress) {
		Request.Resolved resolved;
		try {
			resolved = resolve(request);
		}
		catch (MigrationException ex) {
			throw new ValidationFailedException(ex.getMessage(), ex.getAction());
		}
		Revision target = resolved.target();
		try (MigrationSession session = this.sessions.get()) {
			if (atHead(session, target)) {
				logger.info("Database {} is at revision {}: validated ({} revisions, checksums match)",
						session.database().url(), target.id(), this.graph.ordered().size());
				progress.start(target.id().value());
				return progress.report(RunReport.Outcome.VALIDATED, null);
			}
			MigrationStatus status = session.status(this.graph, target, resolved.targetName());
			try {
				this.planner.failOnChecksumMismatch(status);
				this.planner.failOnPartial(status, resolved.origin());
				this.planner.checkUnknown(status);
				this.planner.checkOutOfOrder(status, this.graph);
			}
			catch (MigrationException ex) {
				throw new ValidationFailedException(ex.getMessage(), ex.getAction());
			}
			if (!status.pending().isEmpty() || status.state() == DatabaseState.UNMANAGED) {
				throw new ValidationFailedException(resolved.origin().name("migrations.mode=validate: the", "The")
						+ " database " + status.database().url() + " is " + status.state() + " at revision "
						+ Migrator.orBase(status.current()) + ", " + status.pending().size()
						+ " revision(s) pending up to the target " + resolved.targetName() + ": "
						+ status.pending().stream().map(RevisionStatus::revision).collect(Collectors.joining(", "))
						+ ". Nothing was written.",
						resolved.origin()
							.name("Run the migration job (or start once with migrations.mode=upgrade) "
									+ "before this application, or point migrations.target at "
									+ Migrator.orBase(status.current()) + ".",
									"Upgrade it first (the upgrade command or the migration job). The target comes from "
											+ "migrations.target."));
			}
			logger.info("Database {} is at revision {}: validated ({} revisions, checksums match)",
					status.database().url(), Migrator.orBase(status.current()), status.history().size());
			progress.start(status.current());
			return progress.report(RunReport.Outcome.VALIDATED, null);
		}
	}

	/**
	 * The plan; a downgrade refused for its recorded states names everything else in its
	 * range that blocks it too.
	 * @param resolved the resolved
	 * @param session the session
	 * @param status the status
	 * @return the planner plan
	 */
	private Planner.Plan plan(MigrationSession session, MigrationStatus status, Request.Resolved resolved) {
		try {
			return this.planner.plan(status, this.graph, resolved);
		}
		catch (DowngradeRefusal ex) {
			throw ex.complete(session::reversal);
		}
	}

	private Request.Resolved resolve(Request request) {
		this.graph.requireSingleHead();
		return request.resolve(this.graph);
	}

	/**
	 * The common start, a database at the head with nothing edited, added or removed,
	 * answered from one narrow query: no lock, no full status. Anything else, or any
	 * doubt, answers {@code false} and the same session takes the full path. The session
	 * is the one the migrator writes through, so that it sees the very history table
	 * (schema, search path) the full path would.
	 * @param session the session
	 * @param target the target
	 * @return whether at head
	 */
	private boolean atHead(MigrationSession session, @Nullable Revision target) {
		return target != null && !this.graph.hasConflict() && this.graph.heads().get(0).equals(target.id())
				&& session.recordsExactly(this.graph) && !session.hasStartedRevision();
	}

	/**
	 * Whether a database that cannot be migrated as read without the lock may be another
	 * migrator's work in progress: its tables without their history rows, or a revision
	 * with some of its change sets recorded. Only where a migrator has been (the history
	 * table exists), so that a schema that was never migrated is refused without writing
	 * anything, not even a lock table.
	 * @param session the session
	 * @param status the status
	 * @return whether may be migrating
	 */
	private static boolean mayBeMigrating(MigrationStatus status, MigrationSession session) {
		return (status.state() == DatabaseState.UNMANAGED || status.state() == DatabaseState.PARTIAL)
				&& session.historyExists();
	}

	private static @Nullable String targetId(@Nullable Revision target) {
		return (target != null) ? target.id().value() : null;
	}

	private static long since(RunProgress progress) {
		return Duration.between(progress.started(), Instant.now()).toMillis();
	}

}
