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
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Backup;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.engine.ChangeSetFailedException;
import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.engine.HistoryRow;
import dev.migrations.internal.engine.RevisionExecutor;
import dev.migrations.internal.revision.Revision;

/**
 * Carries out a plan: checks that every revision to reverse can be reversed, takes the
 * backup, then baselines, stamps, reverses and applies revisions one by one. The same
 * walk executes (under the lock) or previews: with a previewing executor it collects
 * exactly the statements an execution runs, and writes nothing.
 *
 * @author Migrations for Spring Boot contributors
 */
final class PlanExecution {

	private static final Logger logger = LoggerFactory.getLogger(PlanExecution.class);

	private final MigrationSession session;

	private final RevisionExecutor executor;

	private final MigrationSettings settings;

	private PlanExecution(MigrationSession session, RevisionExecutor executor, MigrationSettings settings) {
		this.session = session;
		this.executor = executor;
		this.settings = settings;
	}

	static PlanExecution executing(MigrationSession session, MigrationSettings settings) {
		return new PlanExecution(session, RevisionExecutor.executing(session.engine()), settings);
	}

	static PlanExecution previewing(MigrationSession session, MigrationSettings settings) {
		return new PlanExecution(session, RevisionExecutor.previewing(session.engine()), settings);
	}

	/**
	 * The statements a preview collected; comments start with {@code "-- "}.
	 * @return the strings
	 */
	List<String> statements() {
		return this.executor.statements();
	}

	/**
	 * Walk the plan. Executing, the progress is kept as revisions complete; a failing
	 * revision raises a {@link RunFailedException} carrying it.
	 * @param backups the backups
	 * @param plan the plan
	 * @param status the status
	 * @param targetId the target id
	 * @param progress the progress
	 */
	void run(MigrationStatus status, Planner.Plan plan, @Nullable String targetId, @Nullable DatabaseBackups backups,
			RunProgress progress) {
		progress.start(status.current());
		if (plan.isEmpty()) {
			return;
		}
		this.session.preflight(plan);
		Backup backup = null;
		try {
			if (this.executor.executes()) {
				// No transaction stays open while pg_dump runs: a server's
				// idle_in_transaction_session_timeout would
				// end it.
				this.session.endReadTransaction();
			}
			if (this.executor.executes() && backups != null
					&& (status.userTables() > 0 || !status.history().isEmpty())) {
				backup = backups.take(this.session.connection(), this.session.database(),
						Migrator.orBase(status.current()).replace(" (no revision)", ""),
						(targetId != null) ? targetId : "base",
						WrittenTables.of(plan.apply(), plan.revert(), this.settings.historyTable()));
				if (backup != null) {
					progress.backup(backup.file().toString());
				}
			}
			this.executor.createHistoryTable();
			for (Revision revision : plan.baseline()) {
				this.executor.record(this.session.compiled(revision),
						StatusCalculator.BASELINE_COMMENT + ": " + this.settings.baselineDescription(), Set.of());
				progress.recorded(revision.id().value());
			}
			if (!plan.baseline().isEmpty() && this.executor.executes()) {
				logger.info("Baselined {} at revision {}: {} revision(s) recorded as BASELINE without running",
						this.session.database().url(), progress.current(), plan.baseline().size());
			}
			for (Revision revision : plan.stamp()) {
				CompiledRevision compiled = this.session.compiled(revision);
				// A half-applied revision keeps the change sets it has; only the missing
				// ones are recorded.
				this.executor.record(compiled, StatusCalculator.STAMPED_COMMENT,
						this.session.rowsOf(compiled).stream().map(HistoryRow::key).collect(Collectors.toSet()));
				progress.recorded(revision.id().value());
				if (this.executor.executes()) {
					logger.info("Stamped {} as applied without running it", revision.label());
				}
			}
		}
		catch (RuntimeException ex) {
			String lost = this.executor.executes() ? ConnectionLoss.reason(ex, this.session.connection()) : null;
			if (lost == null) {
				throw ex;
			}
			throw MigrationFailures.connectionLostBeforeRevisions(lost, this.session.database(), progress.current(),
					progress.recordedRevisions(), backups != null, backup, progress, ex);
		}
		int total = plan.revert().size();
		for (int i = 0; i < total; i++) {
			Revision revision = plan.revert().get(i);
			long started = System.nanoTime();
			CompiledRevision compiled = this.session.compiled(revision);
			this.executor.note("downgrade " + revision.label());
			try {
				this.executor.revert(compiled, this.session.rowsOf(compiled));
			}
			catch (ChangeSetFailedException ex) {
				throw MigrationFailures.revisionFailed(revision, ex, this.session.database(), progress.current(),
						progress.reverted(), true, backup, progress, this.session.hasStartedRevision());
			}
			progress.reverted(revision.id().value(),
					(i + 1 < total) ? plan.revert().get(i + 1).id().value() : targetId);
			if (this.executor.executes()) {
				logger.info("Downgrading {} ({}/{})\u2026 done in {} ms", revision.label(), i + 1, total,
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		total = plan.apply().size();
		for (int i = 0; i < total; i++) {
			Revision revision = plan.apply().get(i);
			long started = System.nanoTime();
			this.executor.note("revision " + revision.label());
			CompiledRevision compiled = this.session.compiled(revision);
			List<String> invalid = this.executor.executes() ? InvalidIndexes.leftBy(this.session, compiled) : List.of();
			if (!invalid.isEmpty()) {
				throw InvalidIndexes.refused(revision, invalid, Migrator.orBase(progress.current()), progress);
			}
			try {
				this.executor.apply(compiled);
			}
			catch (ChangeSetFailedException ex) {
				RunFailedException failure = MigrationFailures.revisionFailed(revision, ex, this.session.database(),
						progress.current(), progress.applied(), false, backup, progress,
						this.session.hasStartedRevision());
				invalid = InvalidIndexes.leftBy(this.session, compiled);
				throw invalid.isEmpty() ? failure : InvalidIndexes.withIndexes(failure, invalid, progress);
			}
			progress.applied(revision.id().value());
			if (this.executor.executes()) {
				logger.info("Applying {} ({}/{})\u2026 done in {} ms", revision.label(), i + 1, total,
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		if (this.executor.executes()) {
			logger.info(
					"Database {} migrated from revision {} to {} ({} applied, {} reversed, {} recorded without "
							+ "running)",
					this.session.database().url(), Migrator.orBase(status.current()),
					Migrator.orBase(progress.current()), progress.applied().size(), progress.reverted().size(),
					progress.recordedRevisions().size());
		}
	}

}
