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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

import dev.migrations.Backup;
import dev.migrations.DriftReport;
import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.engine.MigrationEngine;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.internal.revision.RevisionIndex;
import dev.migrations.internal.runner.RevisionSource;

/**
 * The operations on one database, Alembic's command set: where it stands
 * ({@link #status()}, {@link #show(String)}), and upgrade, downgrade, stamp and baseline
 * under the migration lock, or their SQL without running it. The startup runner, the
 * endpoint and the commands are faces of this one API: its rules live here, and a failure
 * names the operation, not a property (only the startup run, which the
 * {@code migrations.*} properties drive, names those).
 *
 * @author Migrations for Spring Boot contributors
 */
public class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final RevisionSource source;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	private final @Nullable DatabaseBackups backups;

	private final DataSource readDataSource;

	private final RunRecorder recorder = new RunRecorder(this);

	private volatile @Nullable CachedStatus cachedStatus;

	private volatile @Nullable RevisionGraph graph;

	private volatile SchemaChecks schemaChecks = SchemaChecks.none();

	private volatile PostgresSettings postgresql = PostgresSettings.defaults();

	private volatile String propertyPrefix = "migrations";

	// Revisions compiled for this migrator's database, shared by its sessions: files are
	// read and parsed once.
	private final Map<String, CompiledRevision> compiled = new ConcurrentHashMap<>();

	/**
	 * Create a migrator without backups.
	 * <p>
	 * For the auto-configuration and tests, not API: the constructors take internal types
	 * and may change in any release. Applications use the auto-configured
	 * {@code Migrator} bean, adjusted with a {@code MigrationsCustomizer} or the
	 * {@code migrations.*} properties.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source,
	 * as the lock is held on its connection
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
	 * <p>
	 * For the auto-configuration and tests, not API: the constructors take internal types
	 * and may change in any release. Applications use the auto-configured
	 * {@code Migrator} bean, adjusted with a {@code MigrationsCustomizer} or the
	 * {@code migrations.*} properties.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source,
	 * as the lock is held on its connection
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
	 * Create a migrator that reads its status through another data source than it
	 * migrates through.
	 * <p>
	 * For the auto-configuration and tests, not API: the constructors take internal types
	 * and may change in any release. Applications use the auto-configured
	 * {@code Migrator} bean, adjusted with a {@code MigrationsCustomizer} or the
	 * {@code migrations.*} properties.
	 * @param dataSource where to migrate; on PostgreSQL preferably a non-pooled source,
	 * as the lock is held on its connection
	 * @param readDataSource where {@link #status()} reads, e.g. the application's pool
	 * @param source the revisions
	 * @param settings how to behave
	 * @param resourceLoader where Liquibase changelogs are read from
	 * @param backups the backups to take before writing, or {@code null} for none
	 */
	public Migrator(DataSource dataSource, DataSource readDataSource, RevisionSource source, MigrationSettings settings,
			ResourceLoader resourceLoader, @Nullable DatabaseBackups backups) {
		this.dataSource = dataSource;
		this.readDataSource = readDataSource;
		this.source = source;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
		this.backups = backups;
	}

	/**
	 * The settings of this migrator, for the schema checks.
	 * @return the settings
	 */
	MigrationSettings settings() {
		return this.settings;
	}

	/**
	 * The last run of this migrator in this process, if any. A call refused before it
	 * wrote anything is not a run.
	 * @return the report, or {@code null}
	 */
	public @Nullable RunReport lastRun() {
		return this.recorder.lastRun();
	}

	/**
	 * Tell a listener about every later run of this migrator.
	 * @param listener the listener
	 */
	public void addListener(MigrationListener listener) {
		this.recorder.addListener(listener);
	}

	/**
	 * The application's heads: the revisions no other revision follows, oldest first.
	 * More than one head means the revisions need a merge revision before they can be
	 * applied. Reads the revision files, not the database.
	 * @return the heads, empty if there are no revisions
	 */
	public List<RevisionSummary> heads() {
		RevisionGraph graph = revisions();
		return graph.heads()
			.stream()
			.map(graph::find)
			.map((head) -> new RevisionSummary(head.id().value(), head.description()))
			.toList();
	}

	/**
	 * The application's revisions, read once from their files.
	 * @return the revision graph
	 */
	RevisionGraph revisions() {
		RevisionGraph current = this.graph;
		if (current == null) {
			current = this.source.graph();
			this.graph = current;
		}
		return current;
	}

	/**
	 * Where the database stands relative to the configured target. Reads only, without
	 * the lock.
	 * @return the status
	 */
	public MigrationStatus status() {
		RevisionGraph graph = revisions();
		Request.Resolved target = configuredTarget(graph);
		try (MigrationSession session = openSession(this.readDataSource)) {
			// The revisions and the target do not change during the migrator's life:
			// while the history's token is
			// the same, so is the status, and a read costs one small query instead of the
			// whole history.
			String token = session.historyToken();
			if (token != null) {
				// A marker comes and goes without a history row.
				token = token + "|" + session.startedToken();
			}
			CachedStatus cached = this.cachedStatus;
			if (token != null && cached != null && cached.token().equals(token)) {
				return cached.status();
			}
			MigrationStatus status = session.status(graph, (target != null) ? target.target() : null,
					this.settings.target());
			this.cachedStatus = (token != null) ? new CachedStatus(token, status) : null;
			return status;
		}
	}

	/**
	 * One revision in full: files, change sets, SQL, and whether it can be downgraded.
	 * Reads only.
	 * @param revision the revision id
	 * @return the detail, or empty if neither the application nor the database knows the
	 * revision
	 */
	public Optional<RevisionDetail> show(String revision) {
		if (!RevisionId.isValid(revision.trim())) {
			return Optional.empty();
		}
		RevisionGraph graph = revisions();
		Request.Resolved target = configuredTarget(graph);
		try (MigrationSession session = openSession()) {
			return session.show(graph, (target != null) ? target.target() : null, this.settings.target(),
					new RevisionId(revision.trim()));
		}
	}

	/**
	 * How the live schema differs from the schema its recorded revisions produce: the
	 * revisions are applied to a scratch database (in memory on H2, a temporary database
	 * on the same PostgreSQL server, dropped right after) and both schemas are compared.
	 * The history and lock tables are left out. Writes nothing to the live database.
	 * @param ignore patterns of objects to leave out: a name, a table, or
	 * {@code table.name}; {@code *} matches any run of characters
	 * @return the report
	 */
	public DriftReport drift(List<String> ignore) {
		return new SchemaDrift(this.dataSource, this.settings.engine(), this.resourceLoader).check(status(),
				revisions(), ignore);
	}

	/**
	 * Take a backup of the whole database now, whatever its size (the {@code backup}
	 * command of a deploy step), named after its current revision.
	 * @return the backup
	 * @throws MigrationException if this migrator takes no backups or it fails
	 */
	public Backup backup() {
		if (this.backups == null) {
			throw new MigrationException("This migrator takes no backups.",
					"Configure migrations.backup.* (backups are on by default in the auto-configuration).");
		}
		try (MigrationSession session = openSession()) {
			String current = session.status(revisions(), null, "head").current();
			session.endReadTransaction();
			return this.backups.takeWhole(session.connection(), session.database(),
					(current != null) ? current : "base");
		}
	}

	/**
	 * What the pending revisions would lock and rewrite on PostgreSQL, measured in a
	 * scratch database at the current revision (rolled back there) and joined with the
	 * live tables' sizes. Writes nothing to the live database.
	 * @return the report
	 * @throws MigrationException if the database is not PostgreSQL, or no scratch
	 * database can be built
	 */
	public LockReport checkLocks() {
		return new LockCheck(this.dataSource, this.settings.engine(), this.resourceLoader,
				this.postgresql.largeTableRows())
			.check(status(), revisions());
	}

	/**
	 * How the live schema differs from the schema its recorded revisions produce, leaving
	 * out the objects the {@link #setSchemaChecks(SchemaChecks) schema checks} ignore.
	 * See {@link #drift(List)}.
	 * @return the report
	 */
	public DriftReport drift() {
		return drift(this.schemaChecks.driftIgnore());
	}

	/**
	 * Set what {@link #migrate()} does about the schema around its run (adopt another
	 * tool's database before it, check for drift after it) and what {@link #drift()}
	 * ignores.
	 * @param checks the checks; {@link SchemaChecks#none()} by default
	 */
	public void setSchemaChecks(SchemaChecks checks) {
		this.schemaChecks = checks;
	}

	/**
	 * Set what this migrator does about locks on PostgreSQL: lock timeout, retries, and
	 * the size from which a table is large; {@link PostgresSettings#defaults()} unless
	 * set.
	 * @param settings the settings
	 */
	public void setPostgresSettings(PostgresSettings settings) {
		this.postgresql = settings;
	}

	/**
	 * Where this migrator's settings come from, for the log lines that name one: the
	 * auto-configuration sets {@code migrations.instances.<name>} for an instance.
	 * @param propertyPrefix {@code migrations} (the default) or an instance's prefix
	 */
	public void setPropertyPrefix(String propertyPrefix) {
		this.propertyPrefix = propertyPrefix;
	}

	/**
	 * What this migrator does about locks on PostgreSQL.
	 * @return the settings
	 */
	public PostgresSettings postgresSettings() {
		return this.postgresql;
	}

	/**
	 * Write the plain SQL revision that describes the database as it is (tables, keys,
	 * constraints, indexes, views, sequences; no data) to
	 * {@code <directory>/<revision>_baseline.sql}, ready for {@code baseline.revision}.
	 * Reads the database only; refuses to overwrite a revision with that id.
	 * @param directory the revisions directory
	 * @param revision the revision id of the baseline, e.g. {@code 001}
	 * @return the file written
	 */
	public Path generateBaseline(Path directory, String revision) {
		return new BaselineWriter(this.dataSource, this.settings.engine()).write(directory, revision);
	}

	/**
	 * Adopt a database that Flyway or Alembic managed: the revisions its history says ran
	 * are recorded as {@link RevisionState#ADOPTED} without running (Flyway's install
	 * dates kept), under the migration lock. Anything that does not match fails before
	 * anything is written; the other tool's table is only read. A database that has a
	 * migration history of its own already, or no table of the other tool and no tables
	 * at all, is left alone.
	 * @param from the tool the database comes from
	 * @return what the run recorded
	 */
	public RunReport adopt(AdoptionSource from) {
		return this.recorder.record(Request.Origin.CALL, (progress) -> {
			RevisionGraph graph = revisions();
			graph.requireSingleHead();
			try (MigrationSession session = openSession()) {
				return new ForeignHistoryAdoption(from, graph, this.backups).adopt(session, progress);
			}
		});
	}

	/**
	 * Adoption at startup, with {@code migrations.adopt} left in place: once the database
	 * has a history of its own it costs one small query, and no run is reported.
	 * @param from the from
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
	 * Do what the configured mode says: upgrade (with baseline, stamp and, if allowed,
	 * downgrade), validate, or nothing; around it, what the
	 * {@link #setSchemaChecks(SchemaChecks) schema checks} say (adoption before, a drift
	 * check after). With a dry-run output configured, the SQL is written there and
	 * nothing is executed. Failures name the {@code migrations.*} properties involved.
	 * @return what the run did, or {@code null} with {@code mode=none}
	 * @throws MigrationException if the database cannot be brought to the target
	 */
	public @Nullable RunReport migrate() {
		SchemaChecks checks = this.schemaChecks;
		checks.beforeStartupRun(this);
		refuseBlockingLocks();
		RunReport report = migrateAsConfigured();
		checks.afterStartupRun(this);
		return report;
	}

	/**
	 * With {@code migrations.postgresql.refuse-blocking-locks}: measure the pending
	 * revisions' locks before a startup upgrade, and refuse to start when one would block
	 * writes to a large table while it reads or rewrites it.
	 */
	private void refuseBlockingLocks() {
		if (!this.postgresql.refuseBlockingLocks() || this.settings.mode() != MigrationMode.UPGRADE
				|| this.settings.dryRunOutput() != null || !status().database().isPostgres()) {
			return;
		}
		LockReport report = checkLocks();
		if (report.blocks()) {
			throw new MigrationException(
					"migrations.postgresql.refuse-blocking-locks=true: a pending revision would block writes to a "
							+ "large table while it reads or rewrites it. Nothing was written.\n" + report.summary(),
					"Rewrite the revision with the pattern named above, accept its locks with the header "
							+ "'-- locks: accepted' (e.g. for a maintenance window), or run it as a deploy step "
							+ "(java -jar app.jar --migrations.command=upgrade).");
		}
		logger.info(report.summary());
	}

	private @Nullable RunReport migrateAsConfigured() {
		if (this.settings.repair() != null
				&& (this.settings.mode() != MigrationMode.UPGRADE || this.settings.dryRunOutput() != null)) {
			logger.warn("{}.repair={} is ignored: a repair writes, and this run writes nothing ({})",
					this.propertyPrefix, this.settings.repair(),
					(this.settings.dryRunOutput() != null) ? this.propertyPrefix + ".dry-run-output"
							: this.propertyPrefix + ".mode="
									+ this.settings.mode().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (this.settings.dryRunOutput() != null && this.settings.mode() != MigrationMode.NONE) {
			return this.recorder.record(Request.Origin.PROPERTIES, (progress) -> {
				SqlScript script = run().preview(Request.startup(this.settings));
				script.writeTo(this.settings.dryRunOutput(), "migrations.dry-run-output");
				logger.info("Dry run: the SQL was written to {}; nothing was executed (migrations.dry-run-output)",
						this.settings.dryRunOutput());
				return progress.report(RunReport.Outcome.DRY_RUN, null);
			});
		}
		return switch (this.settings.mode()) {
			case NONE -> {
				logger.info("Migrations are not run at startup (migrations.mode=none)");
				yield null;
			}
			case VALIDATE -> this.recorder.record(Request.Origin.PROPERTIES,
					(progress) -> throughIndex(Request.startup(this.settings), progress, RunReport.Outcome.VALIDATED,
							(run) -> run.validate(Request.startup(this.settings), progress)));
			case UPGRADE -> this.recorder.record(Request.Origin.PROPERTIES,
					(progress) -> throughIndex(Request.startup(this.settings), progress, RunReport.Outcome.UP_TO_DATE,
							(run) -> run.execute(Request.startup(this.settings), progress)));
		};
	}

	/**
	 * A run that aims at the head (the startup run, an upgrade, a check), first through
	 * the revision index written at build time: when it describes the files on the class
	 * path now and the history records exactly its revisions with its checksums, the
	 * database is at the head and no revision file is read at all. Otherwise (or with
	 * another target, or a baseline to check) the files are read and the run takes its
	 * usual path, on the same connection.
	 * @param atHead the at head
	 * @param progress the progress
	 * @param request the request
	 * @param fullRun the full run
	 * @return the run report
	 */
	private RunReport throughIndex(Request request, RunProgress progress, RunReport.Outcome atHead,
			Function<MigrationRun, RunReport> fullRun) {
		RevisionIndex index = (this.graph == null && request.target() != null && request.target().isHead()
				&& request.baseline() == null) ? this.source.verifiedIndex() : null;
		if (index == null) {
			return fullRun.apply(run());
		}
		Map<String, String> checksums = index.checksums();
		OpenSession open = new OpenSession(openSession());
		try {
			if (open.session.recordsExactly(checksums)) {
				logger.info(
						"Database {} is {} at revision {}: {} ({} revisions checked against the revision index in {} "
								+ "ms)",
						open.session.database().url(),
						(atHead == RunReport.Outcome.VALIDATED) ? "validated" : "up to date", index.head(),
						(atHead == RunReport.Outcome.VALIDATED) ? "checksums match" : "nothing to apply",
						checksums.size(), Duration.between(progress.started(), Instant.now()).toMillis());
				progress.start(index.head());
				return progress.report(atHead, null);
			}
			return fullRun.apply(run(open));
		}
		finally {
			open.closeUnlessTaken();
		}
	}

	/**
	 * Apply pending revisions up to a target. Never reverses a revision. With
	 * {@code migrations.adopt} set, a database that tool managed is adopted first.
	 * @param target {@code head} or a revision
	 * @return what the run did
	 * @throws MigrationException if the run is refused (nothing written) or fails
	 */
	public RunReport upgrade(Target target) {
		Request request = Request.upgrade(target);
		// A database another tool managed (migrations.adopt) is adopted first, as at
		// startup: the upgrade command of
		// a deploy step meets it before any application instance does. Once it has a
		// history, one small query.
		AdoptionSource adopt = this.schemaChecks.adopt();
		if (adopt != null) {
			adoptAtStartup(adopt);
		}
		return this.recorder.record(request.origin(), (progress) -> throughIndex(request, progress,
				RunReport.Outcome.UP_TO_DATE, (run) -> run.execute(request, progress)));
	}

	/**
	 * Reverse the revisions above a target, newest first, after checking that every one
	 * of them can be reversed. Never applies a revision: a target that is not recorded is
	 * refused.
	 * @param target a revision, or {@code base} to reverse every revision
	 * @return what the run did
	 * @throws MigrationException if the run is refused (nothing written) or fails
	 */
	public RunReport downgrade(Target target) {
		return execute(Request.downgrade(target));
	}

	/**
	 * Record revisions up to a revision as applied without running them. Only ever moves
	 * forward, but for one case: when a downgrade of a revision stopped half-way (the
	 * started-revision marker of MariaDB, MySQL and H2) and was completed by hand, a
	 * stamp of the revision below it records it as reversed: its history rows and the
	 * marker are deleted.
	 * @param revision {@code head} or a revision
	 * @return what the run did
	 * @throws MigrationException if the run is refused (nothing written) or fails
	 */
	public RunReport stamp(Target revision) {
		return execute(Request.stamp(revision));
	}

	/**
	 * Adopt a database that has tables but no history: record revisions up to a revision
	 * as its baseline, without running them, and apply nothing else.
	 * @param revision the revision the existing schema corresponds to
	 * @return what the run did
	 * @throws MigrationException if the run is refused (nothing written) or fails
	 */
	public RunReport baseline(Target revision) {
		return execute(Request.baseline(revision));
	}

	/**
	 * Accept the edit of an applied revision: record its file's current checksum in its
	 * history rows, with a note of the old one, after a backup and under the lock.
	 * Idempotent: a revision whose rows already have its file's checksum is left as it
	 * is. Also writes back the checksum of rows that record none.
	 * @param revision the revision
	 * @return what the run did: {@code SUCCESS} if checksums were recorded,
	 * {@code UP_TO_DATE} if there was nothing to repair
	 * @throws MigrationException if the revision does not exist or is not recorded;
	 * nothing is written then
	 */
	public RunReport repair(Target revision) {
		return execute(Request.repair(revision));
	}

	/**
	 * The SQL that {@link #upgrade(Target)} would execute now, history bookkeeping
	 * included. Executes nothing.
	 * @param target {@code head} or a revision
	 * @return the script
	 * @throws MigrationException if the upgrade would be refused
	 */
	public SqlScript previewUpgrade(Target target) {
		return run().preview(Request.upgrade(target));
	}

	/**
	 * The SQL that {@link #downgrade(Target)} would execute now, history bookkeeping
	 * included. Executes nothing.
	 * @param target a revision, or {@code base}
	 * @return the script
	 * @throws MigrationException if the downgrade would be refused
	 */
	public SqlScript previewDowngrade(Target target) {
		return run().preview(Request.downgrade(target));
	}

	/**
	 * Check, writing nothing, that the database is at the configured target with matching
	 * checksums.
	 * @return the report
	 * @throws ValidationFailedException if it is not
	 * @throws MigrationException if the database cannot be read
	 */
	public RunReport validate() {
		Request request = Request.check(this.settings);
		return this.recorder.record(Request.Origin.CALL, (progress) -> throughIndex(request, progress,
				RunReport.Outcome.VALIDATED, (run) -> run.validate(request, progress)));
	}

	private RunReport execute(Request request) {
		return this.recorder.record(request.origin(), (progress) -> run().execute(request, progress));
	}

	private MigrationRun run() {
		return run(this::openSession);
	}

	private MigrationRun run(Supplier<MigrationSession> sessions) {
		return new MigrationRun(sessions, revisions(), this.settings,
				new Planner(this.settings, historyTable(), this.propertyPrefix), this.backups);
	}

	private Request.@Nullable Resolved configuredTarget(RevisionGraph graph) {
		return graph.hasConflict() ? null : Request.startup(this.settings).resolve(graph);
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
			MigrationEngine engine = new MigrationEngine(connection, this.settings.engine(), this.resourceLoader);
			engine.setLockTimeouts(this.postgresql.timeouts(), from);
			return new MigrationSession(connection, engine, this.settings, historyTable(), this.compiled);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			if (ex instanceof MigrationException explained) {
				throw explained;
			}
			throw new MigrationException("Cannot inspect the database: " + ex.getMessage(),
					"Check the database connection and the migration user's privileges.", ex);
		}
	}

	private String historyTable() {
		String schema = this.settings.defaultSchema();
		String table = this.settings.historyTable();
		return (schema != null) ? schema + "." + table : table;
	}

	static String orBase(@Nullable String revision) {
		return (revision != null) ? revision : "base (no revision)";
	}

	private record CachedStatus(String token, MigrationStatus status) {
	}

	/**
	 * A session already open, handed to a run as its first session (the run closes it);
	 * closed here if the run never took it.
	 */
	private final class OpenSession implements Supplier<MigrationSession> {

		private final MigrationSession session;

		private final AtomicBoolean taken = new AtomicBoolean();

		private OpenSession(MigrationSession session) {
			this.session = session;
		}

		@Override
		public MigrationSession get() {
			return this.taken.getAndSet(true) ? openSession() : this.session;
		}

		void closeUnlessTaken() {
			if (!this.taken.getAndSet(true)) {
				this.session.close();
			}
		}

	}

}
