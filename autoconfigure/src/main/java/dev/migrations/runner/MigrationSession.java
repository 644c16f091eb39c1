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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Backup;
import dev.migrations.DatabaseInfo;
import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.engine.ChecksumUpdate;
import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.engine.HistoryRow;
import dev.migrations.internal.engine.MigrationEngine;
import dev.migrations.internal.engine.PlannedChangeSet;
import dev.migrations.internal.engine.Reversal;
import dev.migrations.internal.engine.StartedRevision;
import dev.migrations.internal.lock.JvmMigrationLocks;
import dev.migrations.internal.lock.MariaDbNamedLock;
import dev.migrations.internal.lock.MigrationLock;
import dev.migrations.internal.lock.PostgresAdvisoryLock;
import dev.migrations.internal.lock.TableMigrationLock;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * One connection and engine for one run: reads the status and the history, describes
 * revisions, and takes the lock.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigrationSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MigrationSession.class);

	private final Connection connection;

	private final MigrationEngine engine;

	private final MigrationSettings settings;

	private final String historyTable;

	private final Map<String, CompiledRevision> compiled;

	private List<HistoryRow> rows = List.of();

	MigrationSession(Connection connection, MigrationEngine engine, MigrationSettings settings, String historyTable,
			Map<String, CompiledRevision> compiled) {
		this.connection = connection;
		this.compiled = compiled;
		this.engine = engine;
		this.settings = settings;
		this.historyTable = historyTable;
	}

	Connection connection() {
		return this.connection;
	}

	String startedTable() {
		return this.settings.engine().startedTable();
	}

	MigrationEngine engine() {
		return this.engine;
	}

	DatabaseInfo database() {
		return this.engine.databaseInfo();
	}

	MigrationStatus status(RevisionGraph graph, @Nullable Revision target, String targetName) {
		try {
			List<CompiledRevision> ordered = graph.ordered().stream().map(this::compiled).toList();
			this.rows = this.engine.readHistory();
			int tables = this.rows.isEmpty() ? this.engine.userTables().size() : 0;
			boolean historyTable = !this.rows.isEmpty() || this.engine.historyExists();
			StartedRevision started = this.engine.startedRevision();
			InterruptedRevision interrupted = (started != null)
					? StartedRevisions.describe(started, this.engine.databaseInfo(), startedTable(), graph) : null;
			MigrationStatus status = StatusCalculator.compute(this.engine.databaseInfo(), graph, ordered, this.rows,
					tables, historyTable, targetName, target, interrupted);
			endReadTransaction();
			return status;
		}
		catch (SQLException ex) {
			String lost = ConnectionLoss.reason(ex, this.connection);
			if (lost != null) {
				throw MigrationFailures.connectionLostReading(lost, this.engine.databaseInfo(), ex);
			}
			throw new MigrationException(
					"Cannot read the migration history of " + this.engine.databaseInfo().url() + ": " + ex.getMessage(),
					"Check that the migration user may read " + this.historyTable + " and the schema's tables.", ex);
		}
	}

	/**
	 * Whether the history records exactly the change sets of every revision, each with
	 * the checksum its file has now, and nothing else: then the database is at the
	 * graph's head with nothing to apply, edit or reconcile. One narrow query;
	 * {@code false} whenever the full status might say anything else.
	 * @param graph the graph
	 * @return whether records exactly
	 */
	boolean recordsExactly(RevisionGraph graph) {
		Map<String, String> recorded = recordedChecksums();
		if (recorded == null) {
			return false;
		}
		Set<String> matched = new HashSet<>();
		for (Revision revision : graph.ordered()) {
			for (PlannedChangeSet changeSet : compiled(revision).changeSets()) {
				String checksum = recorded.get(changeSet.key());
				if (checksum == null || !changeSet.matchesChecksum(checksum)) {
					return false;
				}
				matched.add(changeSet.key());
			}
		}
		// Every recorded key is one of the application's change sets: no row of another
		// tool or revision.
		return matched.size() == recorded.size();
	}

	/**
	 * Whether the history records exactly the given plain SQL revisions, each with the
	 * given checksum, and nothing else: the same answer as
	 * {@link #recordsExactly(RevisionGraph)}, for files that were not read because the
	 * revision index was found to describe them.
	 * @param expected the checksums the revision index recorded, by revision id
	 * @return whether records exactly
	 */
	boolean recordsExactly(Map<String, String> expected) {
		Map<String, String> recorded = recordedChecksums();
		if (recorded == null || recorded.size() != expected.size()) {
			return false;
		}
		for (Map.Entry<String, String> revision : expected.entrySet()) {
			if (!revision.getValue().equals(recorded.get(MigrationEngine.sqlRevisionKey(revision.getKey())))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The recorded checksum of every history row by key, or {@code null} if there is no
	 * row, a row has no checksum or the history cannot be read: then only the full path
	 * can tell where the database stands.
	 * @return the string
	 */
	private @Nullable Map<String, String> recordedChecksums() {
		try {
			Map<String, String> recorded = this.engine.recordedChecksums();
			return (recorded == null || recorded.isEmpty()) ? null : recorded;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Nullable String historyToken() {
		try {
			return this.engine.historyToken();
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/**
	 * What tells whether the started-revision marker changed: empty without one.
	 * @return the token
	 */
	String startedToken() {
		try {
			StartedRevision started = this.engine.startedRevision();
			return (started != null) ? started.revision() + "@" + started.statementsStarted() : "";
		}
		catch (SQLException ex) {
			return "unreadable";
		}
	}

	/**
	 * Whether an earlier run left a started-revision marker; {@code true} as well when it
	 * cannot be read, so that the caller takes the full path.
	 * @return whether one is there
	 */
	boolean hasStartedRevision() {
		try {
			return this.engine.startedRevision() != null;
		}
		catch (SQLException ex) {
			return true;
		}
	}

	boolean historyExists() {
		try {
			return this.engine.historyExists();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	CompiledRevision compiled(Revision revision) {
		CompiledRevision compiled = this.compiled.get(revision.id().value());
		if (compiled == null) {
			compiled = this.compiled.computeIfAbsent(revision.id().value(), (id) -> this.engine.compile(revision));
			// Compiling a changelog revision may read the database; parsing the next one
			// must not find it in a
			// transaction.
			endReadTransaction();
		}
		return compiled;
	}

	List<HistoryRow> rowsOf(CompiledRevision revision) {
		List<String> keys = revision.changeSets().stream().map((changeSet) -> changeSet.key()).toList();
		return this.rows.stream().filter((row) -> keys.contains(row.key())).toList();
	}

	/**
	 * One revision in full, or empty if neither the application nor the database knows
	 * it.
	 * @param graph the graph
	 * @param id the id
	 * @param target the target
	 * @param targetName the target name
	 * @return the revision detail, if any
	 */
	Optional<RevisionDetail> show(RevisionGraph graph, @Nullable Revision target, String targetName, RevisionId id) {
		MigrationStatus status = status(graph, target, targetName);
		Optional<RevisionStatus> revisionStatus = Stream.concat(status.history().stream(), status.pending().stream())
			.filter((candidate) -> new RevisionId(candidate.revision()).sameRevisionAs(id))
			.findFirst();
		Revision known = graph.find(id);
		if (revisionStatus.isEmpty() && known == null) {
			return Optional.empty();
		}
		RevisionStatus effective = revisionStatus.orElseGet(() -> new RevisionStatus(known.id().value(),
				known.description(), RevisionState.PENDING, known.file(), null, null, 0, null, List.of(), List.of()));
		InterruptedRevision interrupted = status.interrupted();
		if (interrupted != null && !new RevisionId(interrupted.revision()).sameRevisionAs(id)) {
			interrupted = null;
		}
		return Optional.of(detail(effective, known, interrupted));
	}

	private RevisionDetail detail(RevisionStatus status, @Nullable Revision revision,
			@Nullable InterruptedRevision interrupted) {
		if (revision == null) {
			return new RevisionDetail(status.revision(), status.description(), status.state(), List.of(),
					status.appliedAt(), List.of(), List.of(), false,
					"the application does not have this revision, so it cannot reverse it", interrupted);
		}
		CompiledRevision compiled = compiled(revision);
		Map<String, HistoryRow> recorded = rowsOf(compiled).stream()
			.collect(Collectors.toMap(HistoryRow::key, Function.identity()));
		List<RevisionDetail.ChangeSetDetail> changeSets = compiled.changeSets().stream().map((changeSet) -> {
			HistoryRow row = recorded.get(changeSet.key());
			return new RevisionDetail.ChangeSetDetail(changeSet.id(), changeSet.author(), row != null,
					(row != null) ? row.execType() : null, changeSet.checksum(), (row != null) ? row.checksum() : null,
					changeSet.runInTransaction());
		}).toList();
		List<String> files = new ArrayList<>(List.of(revision.file()));
		if (revision.content() instanceof dev.migrations.internal.revision.RevisionContent.Sql sql
				&& sql.downgradeFile() != null) {
			files.add(sql.downgradeFile());
		}
		Reversal reversal = this.engine.reversal(compiled);
		boolean downgradable = reversal.reversible();
		String how = reversal.how();
		if (status.state() == RevisionState.STAMPED || status.state() == RevisionState.BASELINE
				|| status.state() == RevisionState.ADOPTED) {
			downgradable = false;
			how = "it is " + status.state() + ": recorded without being executed, so its reverse SQL is never run";
		}
		List<String> sql;
		try {
			sql = this.engine.sql(compiled);
		}
		catch (MigrationException ex) {
			// A placeholder without a value: the revision cannot run here, and its detail
			// says why.
			sql = List.of("-- " + ex.getMessage().replace("\n", " "));
		}
		return new RevisionDetail(revision.id().value(), revision.description(), status.state(), files,
				status.appliedAt(), changeSets, sql, downgradable, how, interrupted);
	}

	MigrationLock lock() {
		endReadTransaction();
		Duration timeout = this.settings.lockTimeout();
		String key = database().url() + "|" + database().container() + "|" + this.historyTable;
		MigrationLock jvmLock;
		try {
			jvmLock = JvmMigrationLocks.acquire(key, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock", "Restart the application.",
					ex);
		}
		try {
			MigrationLock databaseLock = databaseLock(timeout);
			return () -> {
				try {
					databaseLock.close();
				}
				finally {
					jvmLock.close();
				}
			};
		}
		catch (RuntimeException ex) {
			jvmLock.close();
			throw ex;
		}
	}

	private MigrationLock databaseLock(Duration timeout) {
		if (database().isPostgres()) {
			String name;
			try {
				name = this.connection.getCatalog();
			}
			catch (SQLException ex) {
				name = database().url();
			}
			long key = PostgresAdvisoryLock.keyFor(name, database().container().name(), this.settings.historyTable());
			return PostgresAdvisoryLock.acquire(this.connection, key, timeout);
		}
		if (database().isMariaDbOrMySql()) {
			return MariaDbNamedLock.acquire(this.connection,
					MariaDbNamedLock.nameFor(database().container().name(), this.settings.historyTable()), timeout);
		}
		return TableMigrationLock.acquire(this.connection, this.settings.defaultSchema(),
				this.settings.engine().lockTable(), timeout);
	}

	void preflight(Planner.Plan plan) {
		for (Revision revision : plan.apply()) {
			this.engine.requirePlaceholders(compiled(revision), false);
		}
		for (Revision revision : plan.revert()) {
			this.engine.requirePlaceholders(compiled(revision), true);
		}
		MigrationException refusal = DowngradeRefusal.describe(plan.revert(), Map.of(), null, this::reversal);
		if (refusal != null) {
			throw refusal;
		}
	}

	/**
	 * How a revision is reversed, or why it cannot be.
	 * @param revision the revision
	 * @return the reversal
	 */
	Reversal reversal(Revision revision) {
		return this.engine.reversal(compiled(revision));
	}

	/**
	 * The history rows of a recorded revision that take its file's current checksum in a
	 * repair; empty when they already have it.
	 * @param revision the revision
	 * @return the checksum updates
	 * @throws MigrationException if the revision is not recorded
	 */
	List<ChecksumUpdate> repairs(Revision revision) {
		CompiledRevision compiledRevision = compiled(revision);
		List<HistoryRow> recorded = rowsOf(compiledRevision);
		if (recorded.isEmpty()) {
			throw new MigrationException(
					"Cannot repair revision " + revision.label() + " (" + revision.file() + "): it is not recorded in "
							+ database().url() + ", so there is no checksum to repair. Nothing was written.",
					"Do not repair " + revision.id() + ": a revision that is not recorded runs as its file is now. "
							+ "Repair names a revision that was applied and whose file was edited afterwards.");
		}
		return ChecksumRepair.edited(compiledRevision, recorded, Instant.now());
	}

	/**
	 * Repair a revision under the lock: take a backup, then record its file's current
	 * checksum in the given rows, logging the old and new checksum of each.
	 * @param from the from
	 * @param revision the revision
	 * @param updates the updates
	 * @param backups the backups
	 * @return the backup taken, if any
	 */
	@Nullable Backup repair(Revision revision, List<ChecksumUpdate> updates, @Nullable String from,
			@Nullable DatabaseBackups backups) {
		Backup backup = null;
		if (backups != null) {
			endReadTransaction();
			backup = backups.take(this.connection, database(), Migrator.orBase(from).replace(" (no revision)", ""),
					"repair-" + revision.id().value());
		}
		this.engine.updateChecksums(updates);
		for (ChecksumUpdate update : updates) {
			logger.info("Repaired revision {} ({}): change set {}::{} now records checksum {} (was {})",
					revision.label(), revision.file(), update.row().id(), update.row().author(), update.checksum(),
					update.row().checksum());
		}
		return backup;
	}

	/**
	 * Whether some of the application's history rows record no checksum (as last read).
	 * @param graph the graph
	 * @return whether misses checksums
	 */
	boolean missesChecksums(RevisionGraph graph) {
		return !this.rows.isEmpty() && !missingChecksums(graph).isEmpty();
	}

	/**
	 * Write the checksum back into the application's history rows that record none, so
	 * that later starts take the fast path again. Needs the lock; takes no backup: it
	 * only fills in a column, as Liquibase itself does.
	 * @param graph the graph
	 */
	void writeBackChecksums(RevisionGraph graph) {
		List<ChecksumUpdate> updates = missingChecksums(graph);
		if (!updates.isEmpty()) {
			this.engine.updateChecksums(updates);
			logger.info(
					"Wrote back the checksum of {} change set(s) whose history rows had none (cleared, or written "
							+ "by another tool): {}",
					updates.size(),
					updates.stream().map((update) -> update.row().id() + "::" + update.row().author()).toList());
		}
	}

	private List<ChecksumUpdate> missingChecksums(RevisionGraph graph) {
		return ChecksumRepair.missing(graph.ordered().stream().map(this::compiled).toList(), this.rows);
	}

	/**
	 * End the transaction that reads may have opened (Liquibase switches auto-commit off
	 * on PostgreSQL), so that the connection never sits idle in a transaction while the
	 * run waits: for the lock, for a backup. Nothing has been written in it.
	 */
	void endReadTransaction() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}
		catch (SQLException ex) {
			String lost = ConnectionLoss.reason(ex, this.connection);
			if (lost != null) {
				throw MigrationFailures.connectionLostReading(lost, database(), ex);
			}
			throw new MigrationException(
					"Cannot end the read transaction on " + database().url() + ": " + ex.getMessage(),
					"Check the database connection, then restart. Nothing was written.", ex);
		}
	}

	@Override
	public void close() {
		this.engine.close();
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the migration connection", ex);
		}
	}

}
