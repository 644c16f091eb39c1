package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.engine.ChangeSetFailedException;
import dev.migrations.engine.CompiledRevision;
import dev.migrations.engine.HistoryRow;
import dev.migrations.engine.MigrationEngine;
import dev.migrations.lock.JvmMigrationLocks;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.PostgresAdvisoryLock;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.RevisionId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ResourceLoader;

/**
 * Migrates one database: reports its status, and upgrades or stamps it under the migration lock. The startup runner,
 * the endpoint and application code share this one API.
 */
public class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final RevisionSource source;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	private volatile @Nullable RunReport lastRun;

	/**
	 * Create a migrator.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source, as the lock is held on its
	 * connection
	 * @param source the revisions
	 * @param settings how to behave
	 * @param resourceLoader where Liquibase changelogs are read from
	 */
	public Migrator(DataSource dataSource, RevisionSource source, MigrationSettings settings,
			ResourceLoader resourceLoader) {
		this.dataSource = dataSource;
		this.source = source;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * The settings of this migrator.
	 * @return the settings
	 */
	public MigrationSettings settings() {
		return this.settings;
	}

	/**
	 * The last run of this migrator in this process, if any.
	 * @return the report, or {@code null}
	 */
	public @Nullable RunReport lastRun() {
		return this.lastRun;
	}

	/**
	 * Where the database stands relative to the configured target. Reads only, without the lock.
	 * @return the status
	 */
	public MigrationStatus status() {
		RevisionGraph graph = graph();
		Revision target = graph.hasConflict() ? null : graph.resolve(this.settings.target(), "migrations.target");
		try (Session session = openSession()) {
			return session.status(graph, target);
		}
	}

	/**
	 * Do what the configured mode says: upgrade (with baseline and stamp), validate, or nothing.
	 * @return what the run did
	 * @throws MigrationException if the database cannot be brought to the target
	 */
	public RunReport migrate() {
		return switch (this.settings.mode()) {
			case NONE -> {
				logger.info("Migrations are not run at startup (migrations.mode=none)");
				yield null;
			}
			case VALIDATE -> validate();
			case UPGRADE -> run(this.settings.target(), this.settings.stamp(), this.settings.baselineRevision());
		};
	}

	/**
	 * Apply pending revisions up to a target.
	 * @param target {@code head} or a revision id
	 * @return what the run did
	 */
	public RunReport upgrade(String target) {
		return run(target, null, null);
	}

	/**
	 * Record revisions up to a revision as applied without running them, then stop there.
	 * @param revision {@code head} or a revision id
	 * @return what the run did
	 */
	public RunReport stamp(String revision) {
		return run(null, revision, null);
	}

	/**
	 * Check, writing nothing, that the database is at the target with matching checksums.
	 * @return the report
	 * @throws MigrationException if it is not
	 */
	public RunReport validate() {
		Instant started = Instant.now();
		return report(started, () -> {
			RevisionGraph graph = graph();
			graph.requireSingleHead();
			Revision target = graph.resolve(this.settings.target(), "migrations.target");
			try (Session session = openSession()) {
				MigrationStatus status = session.status(graph, target);
				failOnChecksumMismatch(status);
				failOnPartial(status);
				checkUnknown(status);
				if (!status.pending().isEmpty() || status.state() == DatabaseState.UNMANAGED) {
					throw new MigrationException(
							"migrations.mode=validate: the database " + status.database().url() + " is "
									+ status.state() + " at revision " + orBase(status.current()) + ", "
									+ status.pending().size() + " revision(s) pending up to the target "
									+ this.settings.target() + ": " + labels(status.pending())
									+ ". Nothing was written.",
							"Run the migration job (or start once with migrations.mode=upgrade) before this "
									+ "application, or point migrations.target at " + orBase(status.current()) + ".");
				}
				logger.info("Database {} is at revision {}: validated ({} revisions, checksums match)",
						status.database().url(), orBase(status.current()), status.history().size());
				return new RunResult(status.current(), status.current(), List.of(), List.of(),
						RunReport.Outcome.VALIDATED);
			}
		});
	}

	private RunReport run(@Nullable String target, @Nullable String stamp, @Nullable String baseline) {
		Instant started = Instant.now();
		return report(started, () -> {
			RevisionGraph graph = graph();
			graph.requireSingleHead();
			Revision stampRevision = (stamp != null) ? graph.resolve(stamp, "migrations.stamp") : null;
			Revision baselineRevision = (baseline != null) ? graph.resolve(baseline, "migrations.baseline.revision")
					: null;
			Revision targetRevision = (target != null) ? graph.resolve(target, "migrations.target") : stampRevision;
			try (Session session = openSession()) {
				MigrationStatus status = session.status(graph, targetRevision);
				Work work = check(status, graph, targetRevision, stampRevision, baselineRevision);
				if (!work.isEmpty()) {
					logger.info("Database {} is {} at revision {}: {} to apply, {} to record without running",
							status.database().url(), status.state(), orBase(status.current()), work.apply().size(),
							work.baseline().size() + work.stamp().size());
				}
				if (work.isEmpty()) {
					logger.info("Database {} is up to date at revision {} ({} revisions checked in {} ms)",
							status.database().url(), orBase(status.current()), graph.ordered().size(),
							Duration.between(started, Instant.now()).toMillis());
					return new RunResult(status.current(), status.current(), List.of(), List.of(),
							RunReport.Outcome.UP_TO_DATE);
				}
				try (MigrationLock lock = session.lock()) {
					// Another instance may have migrated while we waited for the lock.
					status = session.status(graph, targetRevision);
					work = check(status, graph, targetRevision, stampRevision, baselineRevision);
					return session.execute(status, work, graph, targetRevision);
				}
			}
		});
	}

	private RunReport report(Instant started, RunAction action) {
		try {
			RunResult result = action.run();
			RunReport report = new RunReport(started, Duration.between(started, Instant.now()).toMillis(),
					result.from(), result.to(), result.applied(), result.recorded(), null, result.outcome(), null);
			this.lastRun = report;
			return report;
		}
		catch (RuntimeException ex) {
			this.lastRun = new RunReport(started, Duration.between(started, Instant.now()).toMillis(), null, null,
					List.of(), List.of(), null, RunReport.Outcome.FAILED, ex.getMessage());
			throw ex;
		}
	}

	/**
	 * Decide what has to be done, or fail for a state that must not be migrated.
	 */
	private Work check(MigrationStatus status, RevisionGraph graph, @Nullable Revision target,
			@Nullable Revision stamp, @Nullable Revision baseline) {
		failOnChecksumMismatch(status);
		failOnPartial(status);
		checkUnknown(status);
		List<Revision> toBaseline = List.of();
		if (baseline != null) {
			toBaseline = baselineWork(status, graph, baseline);
		}
		else if (status.state() == DatabaseState.UNMANAGED && stamp == null) {
			throw new MigrationException(
					"The database " + status.database().url() + " has " + status.userTables() + " table(s) in schema '"
							+ status.database().schema() + "' but no migration history (" + historyTable()
							+ " is missing or empty). Migrating it would run CREATE TABLE over an existing schema, "
							+ "so nothing was written.",
					"If the schema matches a revision, set migrations.baseline.revision=<that revision> (revisions up to "
							+ "it are recorded as BASELINE, the rest applied), or migrations.stamp=<revision> to record "
							+ "revisions as applied without running them. If the database is the wrong one, fix "
							+ "spring.datasource.url.");
		}
		List<Revision> toStamp = (stamp != null) ? stampWork(status, graph, stamp, toBaseline) : List.of();
		if (target != null) {
			Set<String> wanted = ids(graph.upTo(target.id()));
			List<String> beyond = status.history()
				.stream()
				.filter((revision) -> revision.state().isRecorded() && !wanted.contains(revision.revision()))
				.map(RevisionStatus::revision)
				.filter((id) -> graph.contains(new RevisionId(id)))
				.toList();
			if (!beyond.isEmpty()) {
				throw new MigrationException(
						"The database is at revision " + status.current() + ", above the target " + target.id()
								+ " (revisions " + String.join(", ", beyond) + " are recorded). Nothing was written.",
						"Set migrations.target=head, or to downgrade set migrations.allow-downgrade=true together with "
								+ "migrations.target=" + target.id() + ".");
			}
		}
		Set<String> recordedNow = new HashSet<>(ids(toBaseline));
		recordedNow.addAll(ids(toStamp));
		List<String> toApply = status.pending()
			.stream()
			.map(RevisionStatus::revision)
			.filter((id) -> !recordedNow.contains(id))
			.toList();
		return new Work(toBaseline, toStamp, toApply);
	}

	private List<Revision> baselineWork(MigrationStatus status, RevisionGraph graph, Revision baseline) {
		List<Revision> upTo = graph.upTo(baseline.id());
		if (status.state() == DatabaseState.EMPTY) {
			logger.info("migrations.baseline.revision={} is ignored: the database is empty, so every revision runs",
					baseline.id());
			return List.of();
		}
		if (status.history().isEmpty()) {
			return upTo;
		}
		Set<String> baselined = status.history()
			.stream()
			.filter((revision) -> revision.state() == RevisionState.BASELINE)
			.map(RevisionStatus::revision)
			.collect(Collectors.toSet());
		if (baselined.equals(ids(upTo))) {
			return List.of();
		}
		throw new MigrationException(
				"migrations.baseline.revision=" + baseline.id() + " is set, but the database "
						+ status.database().url() + " already has a migration history (current revision "
						+ orBase(status.current()) + ") that does not match a baseline at " + baseline.id()
						+ ". Nothing was written.",
				"Baselining adopts a database without history only: remove migrations.baseline.revision. To record "
						+ "further revisions as applied without running them, use migrations.stamp.");
	}

	private List<Revision> stampWork(MigrationStatus status, RevisionGraph graph, Revision stamp,
			List<Revision> baselined) {
		if (status.state() == DatabaseState.EMPTY) {
			logger.warn("migrations.stamp={} is ignored: the database is empty, so revisions are applied, not stamped",
					stamp.id());
			return List.of();
		}
		Set<String> recorded = status.history()
			.stream()
			.filter((revision) -> revision.state().isRecorded())
			.map(RevisionStatus::revision)
			.collect(Collectors.toSet());
		recorded.addAll(ids(baselined));
		return graph.upTo(stamp.id()).stream().filter((revision) -> !recorded.contains(revision.id().value())).toList();
	}

	private void failOnChecksumMismatch(MigrationStatus status) {
		if (status.checksumMismatches().isEmpty()) {
			return;
		}
		ChecksumMismatch first = status.checksumMismatches().get(0);
		throw new MigrationException(
				"Revision " + first.revision() + " was edited after it was applied: " + first.file()
						+ " (change set " + first.changeset() + ") has checksum " + first.current()
						+ ", the database recorded " + first.recorded()
						+ ((status.checksumMismatches().size() > 1)
								? " (" + (status.checksumMismatches().size() - 1) + " more edited change set(s))" : "")
						+ ". Nothing was written.",
				"Revert the edit of " + first.file() + " and put the change into a new revision. If the edit is "
						+ "intended and harmless (a comment), record the new checksum: UPDATE " + historyTable()
						+ " SET MD5SUM = NULL WHERE FILENAME = 'migrations/" + first.revision() + "'.");
	}

	private void failOnPartial(MigrationStatus status) {
		List<RevisionStatus> partial = status.partial();
		if (partial.isEmpty()) {
			return;
		}
		RevisionStatus first = partial.get(0);
		throw new MigrationException(
				"Revision " + first.revision() + " (" + first.file() + ") is half-applied: change sets "
						+ String.join(", ", first.recordedChangesets()) + " are recorded, "
						+ String.join(", ", first.missingChangesets()) + " are not. Nothing was written.",
				"Compare the database with " + first.file() + ". If the missing change sets' changes are present, "
						+ "record them with migrations.stamp=" + first.revision() + "; if not, delete the recorded "
						+ "rows of revision " + first.revision() + " from " + historyTable()
						+ " after undoing their changes, and restart.");
	}

	private void checkUnknown(MigrationStatus status) {
		List<RevisionStatus> unknown = status.unknown();
		if (unknown.isEmpty()) {
			return;
		}
		String ids = unknown.stream().map(RevisionStatus::revision).collect(Collectors.joining(", "));
		if (this.settings.onUnknownRevisions() == UnknownRevisionsAction.FAIL) {
			throw new MigrationException(
					"The database " + status.database().url() + " records revision(s) " + ids
							+ " that this application does not have: it is ahead of the code. Nothing was written.",
					"Deploy the application version that has revision(s) " + ids + ", or set "
							+ "migrations.on-unknown-revisions=warn to start anyway (rolling deploys).");
		}
		if (!status.pending().isEmpty()) {
			throw new MigrationException(
					"The database records revision(s) " + ids + " that this application does not have, and this "
							+ "application has pending revision(s) " + labels(status.pending())
							+ ": the histories have diverged. Nothing was written.",
					"Deploy an application version that contains both sets of revisions (merge the branches).");
		}
		logger.warn("The database {} records revision(s) {} that this application does not have: it is ahead of the "
				+ "code (an older version during a rolling deploy?). Starting anyway (migrations.on-unknown-revisions=warn)",
				status.database().url(), ids);
	}

	private RevisionGraph graph() {
		return new RevisionGraph(this.source.revisions());
	}

	private Session openSession() {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot connect to the database to migrate it: " + ex.getMessage(),
					"Check spring.datasource.url (or migrations.url), the user and password, and that the database "
							+ "is running and reachable. Nothing was written.",
					ex);
		}
		try {
			return new Session(connection, new MigrationEngine(connection, this.settings.engine(), this.resourceLoader));
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw new MigrationException("Cannot inspect the database: " + ex.getMessage(),
					"Check the database connection and the migration user's privileges.", ex);
		}
	}

	private String historyTable() {
		String schema = this.settings.engine().defaultSchema();
		String table = this.settings.engine().historyTable();
		return (schema != null) ? schema + "." + table : table;
	}

	private static Set<String> ids(List<Revision> revisions) {
		return revisions.stream().map((revision) -> revision.id().value()).collect(Collectors.toSet());
	}

	private static String labels(List<RevisionStatus> revisions) {
		return revisions.stream().map(RevisionStatus::revision).collect(Collectors.joining(", "));
	}

	static String orBase(@Nullable String revision) {
		return (revision != null) ? revision : "base (no revision)";
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the migration connection", ex);
		}
	}

	@FunctionalInterface
	private interface RunAction {

		RunResult run();

	}

	private record RunResult(@Nullable String from, @Nullable String to, List<String> applied, List<String> recorded,
			RunReport.Outcome outcome) {
	}

	private record Work(List<Revision> baseline, List<Revision> stamp, List<String> apply) {

		boolean isEmpty() {
			return this.baseline.isEmpty() && this.stamp.isEmpty() && this.apply.isEmpty();
		}

	}

	/**
	 * One connection and engine for one run.
	 */
	private final class Session implements AutoCloseable {

		private final Connection connection;

		private final MigrationEngine engine;

		private List<CompiledRevision> compiled;

		Session(Connection connection, MigrationEngine engine) {
			this.connection = connection;
			this.engine = engine;
		}

		MigrationStatus status(RevisionGraph graph, @Nullable Revision target) {
			try {
				if (this.compiled == null) {
					this.compiled = graph.ordered().stream().map(this.engine::compile).toList();
				}
				List<HistoryRow> rows = this.engine.readHistory();
				int tables = rows.isEmpty() ? this.engine.userTables().size() : 0;
				String targetName = (target != null) ? Migrator.this.settings.target() : RevisionGraph.HEAD;
				return StatusCalculator.compute(this.engine.databaseInfo(), graph, this.compiled, rows, tables,
						targetName, target);
			}
			catch (SQLException ex) {
				throw new MigrationException(
						"Cannot read the migration history of " + this.engine.databaseInfo().url() + ": "
								+ ex.getMessage(),
						"Check that the migration user may read " + historyTable() + " and the schema's tables.", ex);
			}
		}

		MigrationLock lock() {
			Duration timeout = Migrator.this.settings.lockTimeout();
			String key = this.engine.databaseInfo().url() + "|" + this.engine.databaseInfo().schema() + "|"
					+ historyTable();
			MigrationLock jvmLock;
			try {
				jvmLock = JvmMigrationLocks.acquire(key, timeout);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrationException("Interrupted while waiting for the migration lock",
						"Restart the application.", ex);
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
			if (this.engine.databaseInfo().isPostgres()) {
				String database;
				try {
					database = this.connection.getCatalog();
				}
				catch (SQLException ex) {
					database = this.engine.databaseInfo().url();
				}
				long key = PostgresAdvisoryLock.keyFor(database, this.engine.databaseInfo().schema(),
						Migrator.this.settings.engine().historyTable());
				return PostgresAdvisoryLock.acquire(this.connection, key, timeout);
			}
			return this.engine.tableLock(timeout);
		}

		RunResult execute(MigrationStatus status, Work work, RevisionGraph graph, @Nullable Revision target) {
			String from = status.current();
			List<String> recorded = new ArrayList<>();
			List<String> applied = new ArrayList<>();
			if (work.isEmpty()) {
				return new RunResult(from, from, applied, recorded, RunReport.Outcome.UP_TO_DATE);
			}
			this.engine.ensureHistoryTable();
			Set<String> alreadyRecorded = new HashSet<>();
			status.history().forEach((revision) -> revision.recordedChangesets().forEach(alreadyRecorded::add));
			for (Revision revision : work.baseline()) {
				this.engine.record(compiledOf(revision), StatusCalculator.BASELINE_COMMENT + ": "
						+ Migrator.this.settings.baselineDescription(), Set.of());
				recorded.add(revision.id().value());
			}
			if (!work.baseline().isEmpty()) {
				logger.info("Baselined {} at revision {}: {} revision(s) recorded as BASELINE without running",
						this.engine.databaseInfo().url(), recorded.get(recorded.size() - 1), recorded.size());
			}
			for (Revision revision : work.stamp()) {
				this.engine.record(compiledOf(revision), StatusCalculator.STAMPED_COMMENT, Set.of());
				recorded.add(revision.id().value());
				logger.info("Stamped {} as applied without running it", revision.label());
			}
			String current = recorded.isEmpty() ? from : recorded.get(recorded.size() - 1);
			int total = work.apply().size();
			for (int i = 0; i < total; i++) {
				Revision revision = graph.find(new RevisionId(work.apply().get(i)));
				long started = System.nanoTime();
				try {
					this.engine.apply(compiledOf(revision));
				}
				catch (ChangeSetFailedException ex) {
					throw failure(revision, ex, current, applied);
				}
				applied.add(revision.id().value());
				current = revision.id().value();
				logger.info("Applying {} ({}/{})\u2026 done in {} ms", revision.label(), i + 1, total,
						(System.nanoTime() - started) / 1_000_000);
			}
			logger.info("Database {} migrated from revision {} to {} ({} applied, {} recorded without running)",
					this.engine.databaseInfo().url(), orBase(from), orBase(current), applied.size(), recorded.size());
			return new RunResult(from, current, applied, recorded, RunReport.Outcome.SUCCESS);
		}

		private CompiledRevision compiledOf(Revision revision) {
			return this.compiled.stream()
				.filter((compiled) -> compiled.revision().id().equals(revision.id()))
				.findFirst()
				.orElseGet(() -> this.engine.compile(revision));
		}

		private MigrationException failure(Revision revision, ChangeSetFailedException ex, @Nullable String current,
				List<String> applied) {
			String leftState;
			if (ex.isRolledBack()) {
				leftState = "The revision was rolled back completely: the database is at revision " + orBase(current)
						+ ".";
			}
			else {
				leftState = "The history records the database at revision " + orBase(current) + ", but "
						+ this.engine.databaseInfo().product()
						+ " commits DDL immediately (or the change set ran outside a transaction), so statements of "
						+ revision.id() + " that ran before the failing one may remain in the database.";
			}
			String appliedNow = applied.isEmpty() ? ""
					: " Revisions applied by this run before the failure: " + String.join(", ", applied) + ".";
			return new MigrationException(
					"Revision " + revision.label() + " (" + revision.file() + ") failed in change set "
							+ ex.getChangeSet() + ".\n"
							+ ((ex.getStatement() != null) ? "Statement: " + ex.getStatement() + "\n" : "")
							+ "Database error: " + ex.getMessage() + "\n" + leftState + appliedNow,
					"Fix " + revision.file() + " (it has not been recorded, so the corrected file runs on the next "
							+ "start)" + (ex.isRolledBack() ? "" : ", after removing what its statements left behind")
							+ ", then restart.",
					ex);
		}

		@Override
		public void close() {
			this.engine.close();
			closeQuietly(this.connection);
		}

	}

}
