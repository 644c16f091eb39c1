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

package dev.migrations.internal.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import liquibase.database.Database;
import liquibase.util.LiquibaseUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

import dev.migrations.Container;
import dev.migrations.DatabaseInfo;
import dev.migrations.MigrationException;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;

/**
 * One migration session on one connection: reads the history and the schema, and compiles
 * revisions into change sets; a {@link RevisionExecutor} applies, reverses or records
 * them. This is the only place that speaks Liquibase; Liquibase itself is loaded only
 * when a revision needs it (a changelog revision, creating the history table, the table
 * lock). Not thread-safe.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class MigrationEngine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MigrationEngine.class);

	private final Connection connection;

	private final EngineSettings settings;

	private final ResourceLoader resourceLoader;

	private final HistoryTable history;

	private final DatabaseInfo info;

	private final Container originalContainer;

	private @Nullable String originalSearchPath;

	private final String deploymentId;

	// The started-revision marker, on databases whose DDL commits at once; else null.
	private final @Nullable StartedRevisionTable started;

	// Whether the revision being applied is marked, and how many of its statements began.
	private boolean marking;

	private int statementsStarted;

	// Created on first use: a run of plain SQL revisions never loads Liquibase.
	private @Nullable LiquibaseChangelogs changelogs;

	private @Nullable LiquibaseSession liquibaseSession;

	private int nextOrder = 1;

	private LockTimeouts lockTimeouts = LockTimeouts.DEFAULTS;

	private javax.sql.@Nullable DataSource lockObserverSource;

	// The history INSERT, prepared once per session and reused for every row it records.
	private @Nullable PreparedStatement historyInsert;

	/**
	 * Open a session.
	 * @param connection the connection to work on; the caller closes it after this
	 * session
	 * @param settings history table, schema, contexts and labels
	 * @param resourceLoader where Liquibase changelogs are read from
	 * @throws SQLException if the database cannot be inspected
	 */
	public MigrationEngine(Connection connection, EngineSettings settings, ResourceLoader resourceLoader)
			throws SQLException {
		this.connection = connection;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
		DatabaseMetaData meta = connection.getMetaData();
		Container container;
		if (settings.defaultSchema() != null) {
			this.originalContainer = (Container.kindOf(meta.getDatabaseProductName()) == Container.Kind.DATABASE)
					? new Container(Container.Kind.DATABASE, String.valueOf(connection.getCatalog()))
					: Container.current(connection);
			// On PostgreSQL setSchema replaces the whole search path: keep it, to put it
			// back on close.
			this.originalSearchPath = meta.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres") ? searchPath(connection) : null;
			container = Container.use(connection, settings.defaultSchema());
		}
		else {
			this.originalContainer = Container.current(connection);
			container = this.originalContainer;
		}
		this.info = new DatabaseInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
				DatabaseInfo.sanitize(meta.getURL()), container);
		this.history = new HistoryTable(settings.historyTable(), settings.defaultSchema(), container);
		this.deploymentId = String.valueOf(System.currentTimeMillis()).substring(3);
		this.started = StartedRevisionTable.needed(this.info) ? new StartedRevisionTable(settings, container, this.info)
				: null;
	}

	/**
	 * The revision an earlier run started and never finished, on databases whose DDL
	 * commits at once; {@code null} if there is none (or the database needs no marker).
	 * @return the started revision, or {@code null}
	 * @throws SQLException on a database error
	 */
	public @Nullable StartedRevision startedRevision() throws SQLException {
		return (this.started != null) ? this.started.read(this.connection) : null;
	}

	/**
	 * Remove the started-revision marker, committed at once.
	 * @throws MigrationException if it cannot be removed
	 */
	public void clearStartedRevision() {
		if (this.started == null) {
			return;
		}
		try {
			this.started.clear(this.connection);
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot remove the started-revision marker from " + this.started.qualifiedName() + ": "
							+ ex.getMessage(),
					"Check that the migration user may delete from " + this.started.qualifiedName() + ".", ex);
		}
	}

	/**
	 * Mark a revision as started before its first statement, where the database needs it.
	 * @param revision the revision
	 * @param downgrade whether it is being reversed, not applied
	 */
	void markStarted(CompiledRevision revision, boolean downgrade) throws SQLException {
		if (this.started != null) {
			this.started.start(this.connection, revision.revision().id().value(), revision.revision().file(),
					downgrade);
			this.marking = true;
			this.statementsStarted = 0;
		}
	}

	/**
	 * Whether revisions are marked while they run: the database's DDL commits at once.
	 * @return whether marked
	 */
	boolean marksRevisions() {
		return this.started != null;
	}

	/**
	 * Record a revision whose downgrade was completed by hand as reversed: delete its
	 * history rows and the started-revision marker in one transaction.
	 * @param rows the revision's history rows
	 * @throws MigrationException if they cannot be deleted; nothing is changed then
	 */
	public void recordReversed(List<HistoryRow> rows) {
		try {
			boolean autoCommit = this.connection.getAutoCommit();
			this.connection.setAutoCommit(false);
			try (Statement statement = this.connection.createStatement()) {
				for (HistoryRow row : rows) {
					statement.execute(this.history.deleteSql(row));
				}
				if (this.started != null) {
					this.started.clear(this.connection);
				}
				this.connection.commit();
			}
			catch (SQLException ex) {
				this.connection.rollback();
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot delete the history rows from " + this.history.qualifiedName() + ": " + ex.getMessage()
							+ ". Nothing was changed.",
					"Check that the migration user may delete from " + this.history.qualifiedName() + ".", ex);
		}
	}

	/**
	 * Remove the marker in the transaction that writes the revision's history rows.
	 */
	void markFinished() throws SQLException {
		if (this.marking && this.started != null) {
			this.started.clear(this.connection);
		}
	}

	/**
	 * After the revision's transaction ended: committed, or rolled back on a failure. A
	 * rollback that took back every statement (nothing committed at once) takes back the
	 * progress too: then the marker goes, as nothing of the revision remains.
	 * @param committed the committed
	 */
	void markEnded(boolean committed) {
		if (!this.marking || this.started == null) {
			return;
		}
		this.marking = false;
		if (committed) {
			return;
		}
		try {
			StartedRevision left = this.started.read(this.connection);
			if (left != null && left.statementsStarted() == 0) {
				clearStartedRevision();
			}
		}
		catch (SQLException | MigrationException ex) {
			logger.debug("Could not check the started-revision marker after a failure", ex);
		}
	}

	/**
	 * Set how long a transactional revision waits for a lock on PostgreSQL, and how often
	 * it is retried; {@link LockTimeouts#DEFAULTS} unless set.
	 * @param timeouts the timeouts
	 * @param observer where to open a connection that watches what a waiting revision
	 * waits for, to name the blocking session; or {@code null}
	 */
	public void setLockTimeouts(LockTimeouts timeouts, javax.sql.@Nullable DataSource observer) {
		this.lockTimeouts = timeouts;
		this.lockObserverSource = observer;
	}

	LockTimeouts lockTimeouts() {
		return this.lockTimeouts;
	}

	javax.sql.@Nullable DataSource lockObserverSource() {
		return this.lockObserverSource;
	}

	/**
	 * The database this session works on.
	 * @return the database, without credentials
	 */
	public DatabaseInfo databaseInfo() {
		return this.info;
	}

	/**
	 * Whether the history table exists.
	 * @return {@code true} if it exists
	 * @throws SQLException on a database error
	 */
	public boolean historyExists() throws SQLException {
		return this.history.exists(this.connection);
	}

	/**
	 * Read the history table, oldest first; empty if it does not exist.
	 * @return the rows
	 * @throws SQLException on a database error
	 */
	public List<HistoryRow> readHistory() throws SQLException {
		if (!historyExists()) {
			return List.of();
		}
		List<HistoryRow> rows = this.history.read(this.connection);
		this.nextOrder = rows.stream().mapToInt(HistoryRow::orderExecuted).max().orElse(0) + 1;
		return rows;
	}

	/**
	 * The checksum recorded for each change set, by key ({@code file::id::author}), read
	 * with one narrow query; empty without a history, {@code null} when a key is recorded
	 * twice or a checksum was cleared.
	 * @return the checksums
	 * @throws SQLException on a database error
	 */
	public @Nullable Map<String, String> recordedChecksums() throws SQLException {
		return historyExists() ? this.history.checksums(this.connection) : Map.of();
	}

	/**
	 * A token that changes whenever the history does (a row added or removed, a checksum
	 * cleared); {@code null} when there is no history. One small query.
	 * @return the token
	 * @throws SQLException on a database error
	 */
	public @Nullable String historyToken() throws SQLException {
		return historyExists() ? this.history.token(this.connection) : null;
	}

	/**
	 * The tables of the database or schema, other than the history and lock tables.
	 * @return the table names
	 * @throws SQLException on a database error
	 */
	public List<String> userTables() throws SQLException {
		DatabaseMetaData meta = this.connection.getMetaData();
		List<String> tables = new ArrayList<>();
		String historyName = this.settings.historyTable().toLowerCase(Locale.ROOT);
		String lockName = this.settings.lockTable().toLowerCase(Locale.ROOT);
		String startedName = this.settings.startedTable().toLowerCase(Locale.ROOT);
		try (ResultSet result = this.info.container()
			.tables(meta, "%", new String[] { "TABLE", "PARTITIONED TABLE", "BASE TABLE" })) {
			while (result.next()) {
				String name = result.getString("TABLE_NAME");
				String lower = name.toLowerCase(Locale.ROOT);
				if (!lower.equals(historyName) && !lower.equals(lockName) && !lower.equals(startedName)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	/**
	 * Turn a revision into the change sets that apply to this database.
	 * @param revision the revision
	 * @return the compiled revision
	 * @throws MigrationException if a changelog cannot be parsed
	 */
	public CompiledRevision compile(Revision revision) {
		RevisionContent content = revision.content();
		if (content instanceof RevisionContent.Sql sql) {
			return new CompiledRevision(revision,
					List.of(SqlWork.changeSet(revision, sql, this.settings.placeholders())));
		}
		if (content instanceof RevisionContent.Java java) {
			return new CompiledRevision(revision, List.of(JavaWork.changeSet(revision, java)));
		}
		if (this.changelogs == null) {
			this.changelogs = new LiquibaseChangelogs(this);
		}
		List<PlannedChangeSet> changeSets = this.changelogs.compile(revision);
		if (changeSets.isEmpty()) {
			// Every change set was filtered out (dbms, contexts, labels): a marker row
			// still records the revision.
			changeSets = List.of(SqlWork.marker(revision));
		}
		return new CompiledRevision(revision, changeSets);
	}

	/**
	 * The revisions of an existing Liquibase master changelog: each tag closes a revision
	 * named after it; without tags, each change set is a revision.
	 * @param changelog the master changelog
	 * @param resourceLoader where to read it from
	 * @return the revisions, in changelog order
	 */
	public static List<Revision> revisionsOfChangelog(String changelog, ResourceLoader resourceLoader) {
		return LiquibaseChangelogs.revisionsOf(changelog, resourceLoader);
	}

	/**
	 * The key under which the history records a plain SQL revision's one change set.
	 * @param revisionId the revision id
	 * @return the key, as {@link HistoryRow#key()} gives it
	 */
	public static String sqlRevisionKey(String revisionId) {
		return SqlWork.key(revisionId);
	}

	/**
	 * Insert one history row through the session's prepared INSERT.
	 * @param row the row
	 * @throws StatementFailedException naming the row's literal INSERT
	 */
	void insertHistory(HistoryTable.Insert row) throws StatementFailedException {
		try {
			if (this.historyInsert == null) {
				this.historyInsert = this.connection.prepareStatement(this.history.insertStatement());
			}
			row.bind(this.historyInsert);
			this.historyInsert.executeUpdate();
		}
		catch (SQLException ex) {
			closeHistoryInsert();
			throw new StatementFailedException(row.literalSql(), ex);
		}
	}

	private void closeHistoryInsert() {
		PreparedStatement statement = this.historyInsert;
		this.historyInsert = null;
		if (statement != null) {
			try {
				statement.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the history INSERT", ex);
			}
		}
	}

	/**
	 * Execute a statement of the history's bookkeeping: not one of the revision's, so not
	 * counted in its progress.
	 * @param sql the sql
	 */
	void executeBookkeeping(String sql) throws StatementFailedException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
	}

	void execute(String sql) throws StatementFailedException {
		if (this.marking && this.started != null) {
			try {
				this.started.statementStarting(this.connection, ++this.statementsStarted, sql);
			}
			catch (SQLException ex) {
				throw new StatementFailedException(sql, ex);
			}
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
	}

	/**
	 * Check, before anything is written, that every placeholder a revision's plain SQL
	 * uses (its downgrade's, to reverse it) has a value.
	 * @param revision the compiled revision
	 * @param downgrade whether the revision is to be reversed
	 * @throws MigrationException naming the file and line of a placeholder without a
	 * value
	 */
	public void requirePlaceholders(CompiledRevision revision, boolean downgrade) {
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			if (changeSet.work() instanceof SqlWork sql) {
				if (downgrade) {
					sql.downgradeStatements();
				}
				else {
					sql.upgradeStatements();
				}
			}
		}
	}

	/**
	 * Record new checksums in the history, in one transaction.
	 * @param updates the rows and their new checksums
	 * @throws MigrationException if the history cannot be written; nothing is changed
	 * then
	 */
	public void updateChecksums(List<ChecksumUpdate> updates) {
		if (updates.isEmpty()) {
			return;
		}
		try {
			boolean autoCommit = this.connection.getAutoCommit();
			this.connection.setAutoCommit(false);
			try {
				for (ChecksumUpdate update : updates) {
					execute(this.history.updateChecksumSql(update));
				}
				this.connection.commit();
			}
			catch (StatementFailedException ex) {
				try {
					this.connection.rollback();
				}
				catch (SQLException rollbackFailure) {
					ex.addSuppressed(rollbackFailure);
				}
				throw new MigrationException(
						"Cannot record checksums in " + this.history.qualifiedName() + ": " + ex.getMessage()
								+ ". Nothing was changed.",
						"Check that the migration user may update " + this.history.qualifiedName() + ".", ex);
			}
			finally {
				this.connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot record checksums in " + this.history.qualifiedName() + ": " + ex.getMessage(),
					"Check the database connection.", ex);
		}
	}

	/**
	 * The SQL a revision runs, without the history bookkeeping; executes nothing.
	 * @param revision the compiled revision
	 * @return the statements
	 */
	public List<String> sql(CompiledRevision revision) {
		StatementSink sink = StatementSink.collecting();
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			try {
				changeSet.work().upgrade(this, sink);
			}
			catch (Exception ex) {
				throw new MigrationException(
						"Cannot produce the SQL of change set " + changeSet.id() + " of revision "
								+ revision.revision().id() + ": " + ChangeSetFailedException.rootMessage(ex),
						"Check " + revision.revision().file() + ".", ex);
			}
		}
		return sink.statements();
	}

	/**
	 * Whether and how a revision can be reversed.
	 * @param revision the compiled revision
	 * @return the reversal; not reversible if any change set is not
	 */
	public Reversal reversal(CompiledRevision revision) {
		Reversal result = null;
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			Reversal reversal;
			try {
				reversal = changeSet.work().reversal(this);
			}
			catch (Exception ex) {
				throw new MigrationException(
						"Cannot inspect the rollback of change set " + changeSet.id() + " of revision "
								+ revision.revision().id() + ": " + ChangeSetFailedException.rootMessage(ex),
						"Check " + revision.revision().file() + ".", ex);
			}
			if (!reversal.reversible()) {
				return Reversal
					.impossible("change set " + changeSet.id() + "::" + changeSet.author() + ": " + reversal.how());
			}
			result = (result != null) ? Reversal.combine(result, reversal) : reversal;
		}
		return (result != null) ? result : Reversal.by("nothing to reverse");
	}

	Connection connection() {
		return this.connection;
	}

	HistoryTable history() {
		return this.history;
	}

	String deploymentId() {
		return this.deploymentId;
	}

	int nextOrder() {
		return this.nextOrder++;
	}

	int peekOrder() {
		return this.nextOrder;
	}

	void resetOrder(int order) {
		this.nextOrder = order;
	}

	static String liquibaseVersion() {
		return LiquibaseVersion.VALUE;
	}

	EngineSettings settings() {
		return this.settings;
	}

	ResourceLoader resourceLoader() {
		return this.resourceLoader;
	}

	Database liquibaseDatabase() throws Exception {
		return liquibaseSession().database();
	}

	private LiquibaseSession liquibaseSession() {
		if (this.liquibaseSession == null) {
			this.liquibaseSession = new LiquibaseSession(this.connection, this.settings, this.resourceLoader);
		}
		return this.liquibaseSession;
	}

	/**
	 * Run Liquibase code in the starter's scope: analytics off, resources from the
	 * application's resource loader.
	 * @param <T> the type of the result
	 * @param what the what
	 * @param work the work
	 * @return the t
	 */
	<T> T liquibase(String what, Callable<T> work) {
		return liquibaseSession().run(what, work);
	}

	@Override
	public void close() {
		closeHistoryInsert();
		if (this.started != null) {
			this.started.close();
		}
		if (this.liquibaseSession != null) {
			this.liquibaseSession.close();
		}
		try {
			if (this.settings.defaultSchema() != null && !this.connection.isClosed()) {
				if (this.originalSearchPath != null) {
					try (Statement statement = this.connection.createStatement()) {
						statement.execute("SET search_path TO " + this.originalSearchPath);
					}
				}
				else {
					this.originalContainer.restore(this.connection);
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not restore the connection's schema", ex);
		}
	}

	private static @Nullable String searchPath(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW search_path")) {
			return result.next() ? result.getString(1) : null;
		}
	}

	// Loaded on first use only: reading the version loads Liquibase's build properties.
	private static final class LiquibaseVersion {

		static final String VALUE = LiquibaseUtil.getBuildVersion();

	}

	/**
	 * A statement failed; carries the statement to the failure report.
	 */
	static final class StatementFailedException extends RuntimeException {

		private final String statement;

		StatementFailedException(String statement, SQLException cause) {
			super(cause.getMessage(), cause);
			this.statement = statement;
		}

		String statement() {
			return this.statement;
		}

	}

}
