package dev.migrations.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.backup.Backup;
import dev.migrations.backup.DatabaseBackups;
import dev.migrations.engine.ChecksumUpdate;
import dev.migrations.engine.CompiledRevision;
import dev.migrations.engine.MigrationEngine;
import dev.migrations.lock.MigrationLock;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.RevisionId;
import dev.migrations.schema.DriftReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ResourceLoader;

/**
 * Migrates one database: reports its status, and upgrades, downgrades or stamps it under the migration lock. The
 * startup runner, the endpoint and application code share this one API.
 */
public class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final RevisionSource source;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	private final @Nullable DatabaseBackups backups;

	private final DataSource readDataSource;

	private volatile @Nullable RunReport lastRun;

	private volatile @Nullable CachedStatus cachedStatus;

	private final List<MigrationListener> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable RevisionGraph graph;

	private volatile SchemaChecks schemaChecks = SchemaChecks.none();

	// Revisions compiled for this migrator's database, shared by its sessions: files are read and parsed once.
	private final Map<String, CompiledRevision> compiled = new ConcurrentHashMap<>();

	/**
	 * Create a migrator without backups.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source, as the lock is held on its
	 * connection
	 * @param source the revisions
	 * @param settings how to behave
	 * @param resourceLoader where Liquibase changelogs are read from
	 */
	public Migrator(DataSource dataSource, RevisionSource source, MigrationSettings settings,
			ResourceLoader resourceLoader) {
		this(dataSource, source, settings, resourceLoader, null);
	}

	/**
	 * Create a migrator.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source, as the lock is held on its
	 * connection
	 * @param source the revisions
	 * @param settings how to behave
	 * @param resourceLoader where Liquibase changelogs are read from
	 * @param backups the backups to take before writing, or {@code null} for none
	 */
	public Migrator(DataSource dataSource, RevisionSource source, MigrationSettings settings,
			ResourceLoader resourceLoader, @Nullable DatabaseBackups backups) {
		this(dataSource, dataSource, source, settings, resourceLoader, backups);
	}

	/**
	 * Create a migrator that reads its status through another data source than it migrates through.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source, as the lock is held on its
	 * connection
	 * @param readDataSource where {@link #status()} reads, e.g. the application's pool
	 * @param source the revisions
	 * @param settings how to behave
	 * @param resourceLoader where Liquibase changelogs are read from
	 * @param backups the backups to take before writing, or {@code null} for none
	 */
	public Migrator(DataSource dataSource, DataSource readDataSource, RevisionSource source,
			MigrationSettings settings, ResourceLoader resourceLoader, @Nullable DatabaseBackups backups) {
		this.dataSource = dataSource;
		this.readDataSource = readDataSource;
		this.source = source;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
		this.backups = backups;
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
	 * Tell a listener about every later run of this migrator.
	 * @param listener the listener
	 */
	public void addListener(MigrationListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Where the database stands relative to the configured target. Reads only, without the lock.
	 * @return the status
	 */
	public MigrationStatus status() {
		RevisionGraph graph = graph();
		Revision target = graph.hasConflict() ? null : graph.resolve(this.settings.target(), "migrations.target");
		try (MigrationSession session = openSession(this.readDataSource)) {
			// The revisions and the target do not change during the migrator's life: while the history's token is
			// the same, so is the status, and a read costs one small query instead of the whole history.
			String token = session.historyToken();
			CachedStatus cached = this.cachedStatus;
			if (token != null && cached != null && cached.token().equals(token)) {
				return cached.status();
			}
			MigrationStatus status = session.status(graph, target, this.settings.target());
			this.cachedStatus = (token != null) ? new CachedStatus(token, status) : null;
			return status;
		}
	}

	/**
	 * One revision in full: files, change sets, SQL, and whether it can be downgraded. Reads only.
	 * @param revision the revision id
	 * @return the detail, or empty if neither the application nor the database knows the revision
	 */
	public Optional<RevisionDetail> revision(String revision) {
		if (!RevisionId.isValid(revision)) {
			return Optional.empty();
		}
		RevisionGraph graph = graph();
		Revision target = graph.hasConflict() ? null : graph.resolve(this.settings.target(), "migrations.target");
		RevisionId id = new RevisionId(revision);
		try (MigrationSession session = openSession()) {
			MigrationStatus status = session.status(graph, target, this.settings.target());
			Optional<RevisionStatus> revisionStatus = status.history()
				.stream()
				.filter((candidate) -> new RevisionId(candidate.revision()).sameRevisionAs(id))
				.findFirst()
				.or(() -> status.pending()
					.stream()
					.filter((candidate) -> new RevisionId(candidate.revision()).sameRevisionAs(id))
					.findFirst());
			Revision known = graph.find(id);
			if (revisionStatus.isEmpty() && known == null) {
				return Optional.empty();
			}
			RevisionStatus effective = revisionStatus.orElseGet(() -> new RevisionStatus(known.id().value(),
					known.description(), RevisionState.PENDING, known.file(), null, null, 0, null, List.of(),
					List.of()));
			return Optional.of(session.detail(effective, known));
		}
	}

	/**
	 * How the live schema differs from the schema its recorded revisions produce: the revisions are applied to a
	 * scratch database (in memory on H2, a temporary database on the same PostgreSQL server, dropped right after)
	 * and both schemas are compared. The history and lock tables are left out. Writes nothing to the live database.
	 * @param ignore patterns of objects to leave out: a name, a table, or {@code table.name}; {@code *} matches
	 * any run of characters
	 * @return the report
	 */
	public DriftReport drift(List<String> ignore) {
		return new SchemaDrift(this.dataSource, this.settings.engine(), this.resourceLoader).check(status(), graph(),
				ignore);
	}

	/**
	 * How the live schema differs from the schema its recorded revisions produce, leaving out the objects the
	 * {@link #setSchemaChecks(SchemaChecks) schema checks} ignore. See {@link #drift(List)}.
	 * @return the report
	 */
	public DriftReport drift() {
		return drift(this.schemaChecks.driftIgnore());
	}

	/**
	 * Set what {@link #migrate()} does about the schema around its run (adopt another tool's database before it,
	 * check for drift after it) and what {@link #drift()} ignores.
	 * @param checks the checks; {@link SchemaChecks#none()} by default
	 */
	public void setSchemaChecks(SchemaChecks checks) {
		this.schemaChecks = checks;
	}

	/**
	 * Write the plain SQL revision that describes the database as it is (tables, keys, constraints, indexes, views,
	 * sequences; no data) to {@code <directory>/<revision>_baseline.sql}, ready for {@code baseline.revision}. Reads
	 * the database only; refuses to overwrite a revision with that id.
	 * @param directory the revisions directory
	 * @param revision the revision id of the baseline, e.g. {@code 001}
	 * @return the file written
	 */
	public Path generateBaseline(Path directory, String revision) {
		return new BaselineWriter(this.dataSource, this.settings.engine()).write(directory, revision);
	}

	/**
	 * Adopt a database that Flyway or Alembic managed: the revisions its history says ran are recorded as
	 * {@link RevisionState#ADOPTED} without running (Flyway's install dates kept), under the migration lock. Anything
	 * that does not match fails before anything is written; the other tool's table is only read. A database that has
	 * a migration history of its own already, or no table of the other tool and no tables at all, is left alone.
	 * @param from the tool the database comes from
	 * @return what the run recorded
	 */
	public RunReport adopt(AdoptionSource from) {
		return report(Instant.now(), () -> {
			RevisionGraph graph = graph();
			graph.requireSingleHead();
			try (MigrationSession session = openSession()) {
				return new ForeignHistoryAdoption(from, graph).adopt(session);
			}
		});
	}

	/**
	 * Adoption at startup, with {@code migrations.adopt} left in place: once the database has a history of its own
	 * it costs one small query, and no run is reported.
	 */
	void adoptAtStartup(AdoptionSource from) {
		try (MigrationSession session = openSession()) {
			if (session.historyToken() != null) {
				return;
			}
		}
		adopt(from);
	}

	/**
	 * Do what the configured mode says: upgrade (with baseline, stamp and, if allowed, downgrade), validate, or
	 * nothing; around it, what the {@link #setSchemaChecks(SchemaChecks) schema checks} say (adoption before, a drift
	 * check after). With a dry-run output configured, the SQL is written there and nothing is executed.
	 * @return what the run did, or {@code null} with {@code mode=none}
	 * @throws MigrationException if the database cannot be brought to the target
	 */
	public @Nullable RunReport migrate() {
		SchemaChecks checks = this.schemaChecks;
		checks.beforeStartupRun(this);
		RunReport report = migrateAsConfigured();
		checks.afterStartupRun(this);
		return report;
	}

	private @Nullable RunReport migrateAsConfigured() {
		if (this.settings.repair() != null
				&& (this.settings.mode() != MigrationMode.UPGRADE || this.settings.dryRunOutput() != null)) {
			logger.warn("migrations.repair={} is ignored: a repair writes, and this run writes nothing ({})",
					this.settings.repair(), (this.settings.dryRunOutput() != null) ? "migrations.dry-run-output"
							: "migrations.mode=" + this.settings.mode().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (this.settings.dryRunOutput() != null && this.settings.mode() != MigrationMode.NONE) {
			return run(new Request(this.settings.target(), this.settings.stamp(), this.settings.baselineRevision(),
					this.settings.allowDowngrade(), true));
		}
		return switch (this.settings.mode()) {
			case NONE -> {
				logger.info("Migrations are not run at startup (migrations.mode=none)");
				yield null;
			}
			case VALIDATE -> validate();
			case UPGRADE -> run(new Request(this.settings.target(), this.settings.stamp(),
					this.settings.baselineRevision(), this.settings.allowDowngrade(), false, this.settings.repair()));
		};
	}

	/**
	 * Apply pending revisions up to a target. Never downgrades.
	 * @param target {@code head} or a revision id
	 * @return what the run did
	 */
	public RunReport upgrade(String target) {
		return run(new Request(target, null, null, false, false));
	}

	/**
	 * Reverse the revisions above a target, newest first, after checking that every one of them can be reversed.
	 * @param target a revision id
	 * @return what the run did
	 */
	public RunReport downgrade(String target) {
		return run(new Request(target, null, null, true, false));
	}

	/**
	 * Record revisions up to a revision as applied without running them. Only ever moves forward.
	 * @param revision {@code head} or a revision id
	 * @return what the run did
	 */
	public RunReport stamp(String revision) {
		return run(new Request(null, revision, null, false, false));
	}

	/**
	 * Accept the edit of an applied revision: record its file's current checksum in its history rows, with a note
	 * of the old one, after a backup and under the lock. Idempotent: a revision whose rows already have its file's
	 * checksum is left as it is. Also writes back the checksum of rows that record none.
	 * @param revision the revision id
	 * @return what the run did: {@code SUCCESS} if checksums were recorded, {@code UP_TO_DATE} if there was nothing
	 * to repair
	 * @throws MigrationException if the revision does not exist or is not recorded; nothing is written then
	 */
	public RunReport repair(String revision) {
		return run(new Request(null, null, null, false, false, revision));
	}

	/**
	 * The SQL that migrating to a target would execute (upgrade or, if {@code allowDowngrade}, downgrade), history
	 * bookkeeping included. Executes nothing.
	 * @param target {@code head} or a revision id
	 * @param allowDowngrade whether revisions above the target are reversed
	 * @return the statements, in order
	 */
	public List<String> sql(String target, boolean allowDowngrade) {
		RevisionGraph graph = graph();
		graph.requireSingleHead();
		Revision targetRevision = graph.resolve(target, "target");
		try (MigrationSession session = openSession()) {
			MigrationStatus status = session.status(graph, targetRevision, target);
			Planner.Plan plan = planner().plan(status, graph, targetRevision, null, null, allowDowngrade);
			return session.sql(plan);
		}
	}

	/**
	 * Check, writing nothing, that the database is at the target with matching checksums.
	 * @return the report
	 * @throws MigrationException if it is not
	 */
	public RunReport validate() {
		return report(Instant.now(), () -> {
			RevisionGraph graph = graph();
			graph.requireSingleHead();
			Revision target = graph.resolve(this.settings.target(), "migrations.target");
			try (MigrationSession session = openSession()) {
				if (atHead(session, graph, target)) {
					logger.info("Database {} is at revision {}: validated ({} revisions, checksums match)",
							session.database().url(), target.id(), graph.ordered().size());
					return new MigrationSession.RunOutcome(target.id().value(), target.id().value(), List.of(),
							List.of(), List.of(), null, RunReport.Outcome.VALIDATED);
				}
				MigrationStatus status = session.status(graph, target, this.settings.target());
				Planner planner = planner();
				planner.failOnChecksumMismatch(status);
				planner.failOnPartial(status);
				planner.checkUnknown(status);
				planner.checkOutOfOrder(status, graph);
				if (!status.pending().isEmpty() || status.state() == DatabaseState.UNMANAGED) {
					throw new MigrationException(
							"migrations.mode=validate: the database " + status.database().url() + " is "
									+ status.state() + " at revision " + orBase(status.current()) + ", "
									+ status.pending().size() + " revision(s) pending up to the target "
									+ this.settings.target() + ": " + String.join(", ",
											status.pending().stream().map(RevisionStatus::revision).toList())
									+ ". Nothing was written.",
							"Run the migration job (or start once with migrations.mode=upgrade) before this "
									+ "application, or point migrations.target at " + orBase(status.current()) + ".");
				}
				logger.info("Database {} is at revision {}: validated ({} revisions, checksums match)",
						status.database().url(), orBase(status.current()), status.history().size());
				return new MigrationSession.RunOutcome(status.current(), status.current(), List.of(), List.of(),
						List.of(), null, RunReport.Outcome.VALIDATED);
			}
		});
	}

	private RunReport run(Request request) {
		Instant started = Instant.now();
		return report(started, () -> {
			RevisionGraph graph = graph();
			graph.requireSingleHead();
			Revision stamp = (request.stamp() != null) ? graph.resolve(request.stamp(), "migrations.stamp") : null;
			Revision baseline = (request.baseline() != null)
					? graph.resolve(request.baseline(), "migrations.baseline.revision") : null;
			Revision target = (request.target() != null) ? graph.resolve(request.target(), "migrations.target")
					: stamp;
			Revision repair = (request.repair() != null) ? graph.resolve(request.repair(), "migrations.repair") : null;
			String targetName = (request.target() != null) ? request.target() : RevisionGraph.HEAD;
			Planner planner = planner();
			try (MigrationSession session = openSession()) {
				// A baseline left in the configuration is checked against the history's rows: the full path does that.
				if (!request.dryRun() && baseline == null && atHead(session, graph, target)) {
					logger.info("Database {} is up to date at revision {}: nothing to apply ({} revisions checked in {} "
							+ "ms)", session.database().url(), target.id(), graph.ordered().size(),
							Duration.between(started, Instant.now()).toMillis());
					return new MigrationSession.RunOutcome(target.id().value(), target.id().value(), List.of(),
							List.of(), List.of(), null, RunReport.Outcome.UP_TO_DATE);
				}
				MigrationStatus status = session.status(graph, target, targetName);
				List<ChecksumUpdate> repairs = (repair != null) ? session.repairs(repair) : List.of();
				Planner.Plan plan;
				try {
					plan = repairs.isEmpty() ? planner.plan(status, graph, target, stamp, baseline,
							request.allowDowngrade()) : null;
				}
				catch (MigrationException ex) {
					if (request.dryRun() || !mayBeMigrating(status, session)) {
						throw ex;
					}
					// Read without the lock, another migrator's revision can look half done (H2 commits DDL before
					// the history rows): only what the database shows under the lock is final.
					logger.info("Database {} looks {} while another migrator may be working on it: deciding under the "
							+ "migration lock", status.database().url(), status.state());
					plan = null;
				}
				if (request.dryRun()) {
					return dryRun(session, status, plan);
				}
				if (plan != null && plan.isEmpty() && repairs.isEmpty() && !session.missesChecksums(graph)) {
					logger.info("Database {} is {} at revision {}: nothing to apply ({} revisions checked in {} ms)",
							status.database().url(),
							(status.state() == DatabaseState.AHEAD) ? "AHEAD of the application" : "up to date",
							orBase(status.current()), graph.ordered().size(),
							Duration.between(started, Instant.now()).toMillis());
					return new MigrationSession.RunOutcome(status.current(), status.current(), List.of(), List.of(),
							List.of(), null, RunReport.Outcome.UP_TO_DATE);
				}
				if (plan != null) {
					logger.info("Database {} is {} at revision {}: {} to apply, {} to downgrade, {} to record without "
							+ "running", status.database().url(), status.state(), orBase(status.current()),
							plan.apply().size(), plan.revert().size(), plan.recorded());
					// Placeholders and downgrades are checked before the lock, which may write a lock table.
					session.preflight(plan);
				}
				try (MigrationLock lock = session.lock()) {
					// Another instance may have migrated while this one waited for the lock.
					status = session.status(graph, target, targetName);
					Backup repairBackup = null;
					if (repair != null) {
						repairs = session.repairs(repair);
						if (!repairs.isEmpty()) {
							repairBackup = session.repair(repair, repairs, status.current(), this.backups);
							status = session.status(graph, target, targetName);
						}
						else {
							logger.info("Revision {} already records the checksum of {}: nothing to repair",
									repair.label(), repair.file());
						}
					}
					plan = planner.plan(status, graph, target, stamp, baseline, request.allowDowngrade());
					// A repair took the backup before the first write.
					MigrationSession.RunOutcome outcome = session.execute(status, plan,
							(target != null) ? target.id().value() : null, (repairs.isEmpty()) ? this.backups : null);
					session.writeBackChecksums(graph);
					return repairs.isEmpty() ? outcome : outcome.afterRepair(repairBackup);
				}
			}
		});
	}

	/**
	 * The common start, a database at the head with nothing edited, added or removed, answered from one narrow
	 * query: no lock, no full status. Anything else, or any doubt, answers {@code false} and the same session takes
	 * the full path. The session is the one the migrator writes through, so that it sees the very history table
	 * (schema, search path) the full path would.
	 */
	private static boolean atHead(MigrationSession session, RevisionGraph graph, @Nullable Revision target) {
		return target != null && !graph.hasConflict() && graph.heads().get(0).equals(target.id())
				&& session.recordsExactly(graph);
	}

	/**
	 * Whether a database that cannot be migrated as read without the lock may be another migrator's work in
	 * progress: its tables without their history rows, or a revision with some of its change sets recorded. Only
	 * where a migrator has been (the history table exists), so that a schema that was never migrated is refused
	 * without writing anything, not even a lock table.
	 */
	private static boolean mayBeMigrating(MigrationStatus status, MigrationSession session) {
		return (status.state() == DatabaseState.UNMANAGED || status.state() == DatabaseState.PARTIAL)
				&& session.historyExists();
	}

	private MigrationSession.RunOutcome dryRun(MigrationSession session, MigrationStatus status, Planner.Plan plan) {
		List<String> statements = session.sql(plan);
		MigrationSession.writeSql(this.settings.dryRunOutput(), status.database(), statements);
		logger.info("Dry run: the SQL of {} revision(s) to apply, {} to downgrade and {} to record was written to {}; "
				+ "nothing was executed (migrations.dry-run-output)", plan.apply().size(), plan.revert().size(),
				plan.recorded(), this.settings.dryRunOutput());
		return new MigrationSession.RunOutcome(status.current(), status.current(), List.of(), List.of(), List.of(),
				null, RunReport.Outcome.DRY_RUN);
	}

	private RunReport report(Instant started, RunAction action) {
		try {
			MigrationSession.RunOutcome outcome = action.run();
			RunReport report = new RunReport(started, Duration.between(started, Instant.now()).toMillis(),
					outcome.from(), outcome.to(), outcome.applied(), outcome.reverted(), outcome.recorded(),
					outcome.backup(), outcome.outcome(), null);
			publish(report);
			return report;
		}
		catch (RunFailedException ex) {
			MigrationSession.RunOutcome done = ex.outcome();
			publish(new RunReport(started, Duration.between(started, Instant.now()).toMillis(), done.from(), done.to(),
					done.applied(), done.reverted(), done.recorded(), done.backup(), RunReport.Outcome.FAILED,
					ex.getMessage()));
			throw ex;
		}
		catch (RuntimeException ex) {
			// A MigrationException outside a run's execution was raised before anything was written.
			RunReport.Outcome outcome = (ex instanceof MigrationException) ? RunReport.Outcome.REFUSED
					: RunReport.Outcome.FAILED;
			publish(new RunReport(started, Duration.between(started, Instant.now()).toMillis(), null, null,
					List.of(), List.of(), List.of(), null, outcome, ex.getMessage()));
			throw ex;
		}
	}

	private void publish(RunReport report) {
		this.lastRun = report;
		for (MigrationListener listener : this.listeners) {
			try {
				listener.onRun(this, report);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.getMessage(), ex);
			}
		}
	}

	private Planner planner() {
		return new Planner(this.settings, historyTable());
	}

	private RevisionGraph graph() {
		RevisionGraph current = this.graph;
		if (current == null) {
			current = this.source.graph();
			this.graph = current;
		}
		return current;
	}

	private MigrationSession openSession() {
		return openSession(this.dataSource);
	}

	private MigrationSession openSession(DataSource from) {
		Connection connection;
		try {
			connection = from.getConnection();
		}
		catch (SQLException ex) {
			throw MigrationFailures.cannotConnect(from, ex);
		}
		try {
			return new MigrationSession(connection,
					new MigrationEngine(connection, this.settings.engine(), this.resourceLoader), this.settings,
					historyTable(), this.compiled);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw new MigrationException("Cannot inspect the database: " + ex.getMessage(),
					"Check the database connection and the migration user's privileges.", ex);
		}
	}

	private String historyTable() {
		String schema = this.settings.engine().defaultSchema();
		String table = this.settings.engine().historyTable();
		return (schema != null) ? schema + "." + table : table;
	}

	static String orBase(@Nullable String revision) {
		return (revision != null) ? revision : "base (no revision)";
	}

	@FunctionalInterface
	private interface RunAction {

		MigrationSession.RunOutcome run();

	}

	private record CachedStatus(String token, MigrationStatus status) {
	}

	private record Request(@Nullable String target, @Nullable String stamp, @Nullable String baseline,
			boolean allowDowngrade, boolean dryRun, @Nullable String repair) {

		Request(@Nullable String target, @Nullable String stamp, @Nullable String baseline, boolean allowDowngrade,
				boolean dryRun) {
			this(target, stamp, baseline, allowDowngrade, dryRun, null);
		}

	}

}
