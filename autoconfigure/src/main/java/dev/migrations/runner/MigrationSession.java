package dev.migrations.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.migrations.MigrationException;
import dev.migrations.backup.Backup;
import dev.migrations.backup.DatabaseBackups;
import dev.migrations.engine.ChangeSetFailedException;
import dev.migrations.engine.ChecksumUpdate;
import dev.migrations.engine.CompiledRevision;
import dev.migrations.engine.DatabaseInfo;
import dev.migrations.engine.HistoryRow;
import dev.migrations.engine.MigrationEngine;
import dev.migrations.engine.PlannedChangeSet;
import dev.migrations.engine.Reversal;
import dev.migrations.lock.JvmMigrationLocks;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.PostgresAdvisoryLock;
import dev.migrations.lock.TableMigrationLock;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection and engine for one run: reads the status, takes the lock, and executes or writes out a plan.
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

	DatabaseInfo database() {
		return this.engine.databaseInfo();
	}

	Connection connection() {
		return this.connection;
	}

	MigrationEngine engine() {
		return this.engine;
	}

	MigrationStatus status(RevisionGraph graph, @Nullable Revision target, String targetName) {
		try {
			List<CompiledRevision> ordered = graph.ordered().stream().map(this::compiled).toList();
			this.rows = this.engine.readHistory();
			int tables = this.rows.isEmpty() ? this.engine.userTables().size() : 0;
			boolean historyTable = !this.rows.isEmpty() || this.engine.historyExists();
			MigrationStatus status = StatusCalculator.compute(this.engine.databaseInfo(), graph, ordered, this.rows,
					tables, historyTable, targetName, target);
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
	 * Whether the history records exactly the change sets of every revision, each with the checksum its file has
	 * now, and nothing else: then the database is at the graph's head with nothing to apply, edit or reconcile. One
	 * narrow query; {@code false} whenever the full status might say anything else.
	 */
	boolean recordsExactly(RevisionGraph graph) {
		Map<String, String> recorded;
		try {
			recorded = this.engine.recordedChecksums();
		}
		catch (SQLException ex) {
			return false;
		}
		if (recorded == null || recorded.isEmpty()) {
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
		// Every recorded key is one of the application's change sets: no row of another tool or revision.
		return matched.size() == recorded.size();
	}

	@Nullable String historyToken() {
		try {
			return this.engine.historyToken();
		}
		catch (SQLException ex) {
			return null;
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
			// Compiling a changelog revision may read the database; parsing the next one must not find it in a
			// transaction.
			endReadTransaction();
		}
		return compiled;
	}

	List<HistoryRow> rowsOf(CompiledRevision revision) {
		List<String> keys = revision.changeSets().stream().map((changeSet) -> changeSet.key()).toList();
		return this.rows.stream().filter((row) -> keys.contains(row.key())).toList();
	}

	RevisionDetail detail(RevisionStatus status, @Nullable Revision revision) {
		if (revision == null) {
			return new RevisionDetail(status.revision(), status.description(), status.state(), List.of(),
					status.appliedAt(), List.of(), List.of(), false,
					"the application does not have this revision, so it cannot reverse it");
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
		if (revision.content() instanceof dev.migrations.revision.RevisionContent.Sql sql
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
			// A placeholder without a value: the revision cannot run here, and its detail says why.
			sql = List.of("-- " + ex.getMessage().replace("\n", " "));
		}
		return new RevisionDetail(revision.id().value(), revision.description(), status.state(), files,
				status.appliedAt(), changeSets, sql, downgradable, how);
	}

	MigrationLock lock() {
		endReadTransaction();
		Duration timeout = this.settings.lockTimeout();
		String key = database().url() + "|" + database().schema() + "|" + this.historyTable;
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
			long key = PostgresAdvisoryLock.keyFor(name, database().schema(), this.settings.engine().historyTable());
			return PostgresAdvisoryLock.acquire(this.connection, key, timeout);
		}
		return TableMigrationLock.acquire(this.connection, this.settings.engine().defaultSchema(),
				this.settings.engine().lockTable(), timeout);
	}

	void preflight(Planner.Plan plan) {
		for (Revision revision : plan.apply()) {
			this.engine.requirePlaceholders(compiled(revision), false);
		}
		for (Revision revision : plan.revert()) {
			this.engine.requirePlaceholders(compiled(revision), true);
		}
		List<String> irreversible = new ArrayList<>();
		for (Revision revision : plan.revert()) {
			Reversal reversal = this.engine.reversal(compiled(revision));
			if (!reversal.reversible()) {
				irreversible.add(revision.id() + " (" + revision.file() + "): " + reversal.how());
			}
		}
		if (!irreversible.isEmpty()) {
			throw new MigrationException("Cannot downgrade: " + irreversible.size()
					+ " revision(s) in the range cannot be reversed: " + String.join("; ", irreversible)
					+ ". Nothing was written.",
					"Add the missing downgrade (a <revision>_<slug>.down.sql file, or a rollback block in the changelog), "
							+ "or choose a target above these revisions.");
		}
	}

	/**
	 * Execute a plan under the lock: backup, baseline, stamp, then revisions one by one.
	 */
	RunOutcome execute(MigrationStatus status, Planner.Plan plan, @Nullable String targetId,
			@Nullable DatabaseBackups backups) {
		String from = status.current();
		List<String> recorded = new ArrayList<>();
		List<String> applied = new ArrayList<>();
		List<String> reverted = new ArrayList<>();
		if (plan.isEmpty()) {
			return new RunOutcome(from, from, applied, reverted, recorded, null, RunReport.Outcome.UP_TO_DATE);
		}
		preflight(plan);
		Backup backup = null;
		try {
			// No transaction stays open while pg_dump runs: a server's idle_in_transaction_session_timeout would end it.
			endReadTransaction();
			if (backups != null && (status.userTables() > 0 || !status.history().isEmpty())) {
				backup = backups.take(this.connection, database(), Migrator.orBase(from).replace(" (no revision)", ""),
						(targetId != null) ? targetId : "head");
			}
			this.engine.ensureHistoryTable();
			for (Revision revision : plan.baseline()) {
				this.engine.record(compiled(revision),
						StatusCalculator.BASELINE_COMMENT + ": " + this.settings.baselineDescription(), java.util.Set.of());
				recorded.add(revision.id().value());
			}
			if (!plan.baseline().isEmpty()) {
				logger.info("Baselined {} at revision {}: {} revision(s) recorded as BASELINE without running",
						database().url(), recorded.get(recorded.size() - 1), recorded.size());
			}
			for (Revision revision : plan.stamp()) {
				CompiledRevision compiledRevision = compiled(revision);
				// A half-applied revision keeps the change sets it has; only the missing ones are recorded.
				this.engine.record(compiledRevision, StatusCalculator.STAMPED_COMMENT,
						rowsOf(compiledRevision).stream().map(HistoryRow::key).collect(Collectors.toSet()));
				recorded.add(revision.id().value());
				logger.info("Stamped {} as applied without running it", revision.label());
			}
		}
		catch (RuntimeException ex) {
			String lost = ConnectionLoss.reason(ex, this.connection);
			if (lost == null) {
				throw ex;
			}
			String at = recorded.isEmpty() ? from : recorded.get(recorded.size() - 1);
			throw MigrationFailures.connectionLostBeforeRevisions(lost, database(), at, recorded, backups != null,
					backup, new RunOutcome(from, at, applied, reverted, recorded, path(backup), RunReport.Outcome.FAILED),
					ex);
		}
		String current = recorded.isEmpty() ? from : recorded.get(recorded.size() - 1);
		int total = plan.revert().size();
		for (int i = 0; i < total; i++) {
			Revision revision = plan.revert().get(i);
			long started = System.nanoTime();
			CompiledRevision compiledRevision = compiled(revision);
			try {
				this.engine.revert(compiledRevision, rowsOf(compiledRevision));
			}
			catch (ChangeSetFailedException ex) {
				throw MigrationFailures.revisionFailed(revision, ex, database(), current, reverted, true, backup,
						new RunOutcome(from, current, applied, reverted, recorded, path(backup), RunReport.Outcome.FAILED));
			}
			reverted.add(revision.id().value());
			current = (i + 1 < total) ? plan.revert().get(i + 1).id().value() : targetId;
			logger.info("Downgrading {} ({}/{})\u2026 done in {} ms", revision.label(), i + 1, total,
					(System.nanoTime() - started) / 1_000_000);
		}
		total = plan.apply().size();
		for (int i = 0; i < total; i++) {
			Revision revision = plan.apply().get(i);
			long started = System.nanoTime();
			try {
				this.engine.apply(compiled(revision));
			}
			catch (ChangeSetFailedException ex) {
				throw MigrationFailures.revisionFailed(revision, ex, database(), current, applied, false, backup,
						new RunOutcome(from, current, applied, reverted, recorded, path(backup), RunReport.Outcome.FAILED));
			}
			applied.add(revision.id().value());
			current = revision.id().value();
			logger.info("Applying {} ({}/{})\u2026 done in {} ms", revision.label(), i + 1, total,
					(System.nanoTime() - started) / 1_000_000);
		}
		logger.info("Database {} migrated from revision {} to {} ({} applied, {} reversed, {} recorded without running)",
				database().url(), Migrator.orBase(from), Migrator.orBase(current), applied.size(), reverted.size(),
				recorded.size());
		return new RunOutcome(from, current, applied, reverted, recorded, path(backup), RunReport.Outcome.SUCCESS);
	}

	/**
	 * The history rows of a recorded revision that take its file's current checksum in a repair; empty when they
	 * already have it.
	 * @throws MigrationException if the revision is not recorded
	 */
	List<ChecksumUpdate> repairs(Revision revision) {
		CompiledRevision compiledRevision = compiled(revision);
		List<HistoryRow> recorded = rowsOf(compiledRevision);
		if (recorded.isEmpty()) {
			throw new MigrationException("Cannot repair revision " + revision.label() + " (" + revision.file()
					+ "): it is not recorded in " + database().url()
					+ ", so there is no checksum to repair. Nothing was written.",
					"Do not repair " + revision.id() + ": a revision that is not recorded runs as its file is now. "
							+ "Repair names a revision that was applied and whose file was edited afterwards.");
		}
		return ChecksumRepair.edited(compiledRevision, recorded, Instant.now());
	}

	/**
	 * Repair a revision under the lock: take a backup, then record its file's current checksum in the given rows,
	 * logging the old and new checksum of each.
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
	 */
	boolean missesChecksums(RevisionGraph graph) {
		return !this.rows.isEmpty() && !missingChecksums(graph).isEmpty();
	}

	/**
	 * Write the checksum back into the application's history rows that record none, so that later starts take the
	 * fast path again. Needs the lock; takes no backup: it only fills in a column, as Liquibase itself does.
	 */
	void writeBackChecksums(RevisionGraph graph) {
		List<ChecksumUpdate> updates = missingChecksums(graph);
		if (!updates.isEmpty()) {
			this.engine.updateChecksums(updates);
			logger.info("Wrote back the checksum of {} change set(s) whose history rows had none (cleared, or written "
					+ "by another tool): {}", updates.size(),
					updates.stream().map((update) -> update.row().id() + "::" + update.row().author()).toList());
		}
	}

	private List<ChecksumUpdate> missingChecksums(RevisionGraph graph) {
		return ChecksumRepair.missing(graph.ordered().stream().map(this::compiled).toList(), this.rows);
	}

	/**
	 * End the transaction that reads may have opened (Liquibase switches auto-commit off on PostgreSQL), so that the
	 * connection never sits idle in a transaction while the run waits: for the lock, for a backup. Nothing has been
	 * written in it.
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
			throw new MigrationException("Cannot end the read transaction on " + database().url() + ": " + ex.getMessage(),
					"Check the database connection, then restart. Nothing was written.", ex);
		}
	}

	private static @Nullable String path(@Nullable Backup backup) {
		return (backup != null) ? backup.file().toString() : null;
	}

	/**
	 * The SQL a plan would execute, history bookkeeping included, in execution order.
	 */
	List<String> sql(Planner.Plan plan) {
		preflight(plan);
		List<String> statements = new ArrayList<>();
		if (!plan.isEmpty()) {
			statements.addAll(this.engine.historyTableSql());
		}
		for (Revision revision : plan.baseline()) {
			statements.addAll(this.engine.recordSql(compiled(revision),
					StatusCalculator.BASELINE_COMMENT + ": " + this.settings.baselineDescription()));
		}
		for (Revision revision : plan.stamp()) {
			statements.addAll(this.engine.recordSql(compiled(revision), StatusCalculator.STAMPED_COMMENT));
		}
		for (Revision revision : plan.revert()) {
			CompiledRevision compiledRevision = compiled(revision);
			statements.add("-- downgrade " + revision.label());
			statements.addAll(this.engine.revertSql(compiledRevision, rowsOf(compiledRevision)));
		}
		for (Revision revision : plan.apply()) {
			statements.add("-- revision " + revision.label());
			statements.addAll(this.engine.applySql(compiled(revision)));
		}
		return statements;
	}

	static void writeSql(Path file, DatabaseInfo database, List<String> statements) {
		StringBuilder text = new StringBuilder();
		text.append("-- SQL that migrations would execute on ")
			.append(database.url())
			.append(", generated ")
			.append(Instant.now())
			.append("\n-- Nothing was executed. Statements end with ';'.\n\n");
		for (String statement : statements) {
			text.append(statement);
			text.append(statement.startsWith("-- ") ? "\n" : ";\n");
		}
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, text.toString());
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot write the dry-run SQL to " + file + ": " + ex.getMessage(),
					"Check migrations.dry-run-output: its directory must be writable.", ex);
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

	/**
	 * What a run did.
	 */
	record RunOutcome(@Nullable String from, @Nullable String to, List<String> applied, List<String> reverted,
			List<String> recorded, @Nullable String backup, RunReport.Outcome outcome) {

		/** This outcome after a repair that wrote checksums, with the backup the repair took. */
		RunOutcome afterRepair(@Nullable Backup repairBackup) {
			return new RunOutcome(this.from, this.to, this.applied, this.reverted, this.recorded,
					(this.backup != null) ? this.backup : path(repairBackup), RunReport.Outcome.SUCCESS);
		}

	}

}
