package dev.migrations.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.migrations.MigrationException;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionContent;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.util.LiquibaseUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ResourceLoader;

/**
 * One migration session on one connection: reads the history and the schema, compiles revisions into change sets,
 * and applies or records them. This is the only place that speaks Liquibase; Liquibase itself is loaded only when a
 * revision needs it (a changelog revision, creating the history table, the table lock).
 * <p>
 * A revision's statements and its history rows are executed on this one connection and committed together: on
 * PostgreSQL a revision is atomic. Not thread-safe.
 */
public final class MigrationEngine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MigrationEngine.class);

	/** The comment on the last history row of a revision applied by this starter; the duration follows. */
	public static final String APPLIED_COMMENT = "applied by migrations";

	private final Connection connection;

	private final EngineSettings settings;

	private final ResourceLoader resourceLoader;

	private final HistoryTable history;

	private final DatabaseInfo info;

	private final @Nullable String originalSchema;

	private @Nullable String originalSearchPath;

	private final String deploymentId;

	// Created on first use: a run of plain SQL revisions never loads Liquibase.
	private @Nullable LiquibaseChangelogs changelogs;

	private @Nullable LiquibaseSession liquibaseSession;

	private int nextOrder = 1;

	/**
	 * Open a session.
	 * @param connection the connection to work on; the caller closes it after this session
	 * @param settings history table, schema, contexts and labels
	 * @param resourceLoader where Liquibase changelogs are read from
	 * @throws SQLException if the database cannot be inspected
	 */
	public MigrationEngine(Connection connection, EngineSettings settings, ResourceLoader resourceLoader)
			throws SQLException {
		this.connection = connection;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
		this.originalSchema = connection.getSchema();
		DatabaseMetaData meta = connection.getMetaData();
		if (settings.defaultSchema() != null) {
			// On PostgreSQL setSchema replaces the whole search path: keep it, to put it back on close.
			this.originalSearchPath = DatabaseInfo.isPostgres(meta.getDatabaseProductName()) ? searchPath(connection)
					: null;
			connection.setSchema(HistoryTable.storedCase(meta, settings.defaultSchema()));
		}
		String schema = (settings.defaultSchema() != null) ? connection.getSchema() : this.originalSchema;
		this.info = new DatabaseInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
				DatabaseInfo.sanitize(meta.getURL()), (schema != null) ? schema : "");
		this.history = new HistoryTable(settings.historyTable(), settings.defaultSchema());
		this.deploymentId = String.valueOf(System.currentTimeMillis()).substring(3);
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
	 * The checksum recorded for each change set, by key ({@code file::id::author}), read with one narrow query;
	 * empty without a history, {@code null} when a key is recorded twice or a checksum was cleared.
	 * @return the checksums
	 * @throws SQLException on a database error
	 */
	public @Nullable Map<String, String> recordedChecksums() throws SQLException {
		return historyExists() ? this.history.checksums(this.connection) : Map.of();
	}

	/**
	 * A token that changes whenever the history does (a row added or removed, a checksum cleared); {@code null}
	 * when there is no history. One small query.
	 * @return the token
	 * @throws SQLException on a database error
	 */
	public @Nullable String historyToken() throws SQLException {
		return historyExists() ? this.history.token(this.connection) : null;
	}

	/**
	 * The tables of the schema, other than the history and lock tables.
	 * @return the table names
	 * @throws SQLException on a database error
	 */
	public List<String> userTables() throws SQLException {
		DatabaseMetaData meta = this.connection.getMetaData();
		List<String> tables = new ArrayList<>();
		String historyName = this.settings.historyTable().toLowerCase(Locale.ROOT);
		String lockName = this.settings.lockTable().toLowerCase(Locale.ROOT);
		try (ResultSet result = meta.getTables(null, this.connection.getSchema(), "%",
				new String[] { "TABLE", "PARTITIONED TABLE" })) {
			while (result.next()) {
				String name = result.getString("TABLE_NAME");
				String lower = name.toLowerCase(Locale.ROOT);
				if (!lower.equals(historyName) && !lower.equals(lockName)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	/**
	 * Create the history table if it does not exist, through Liquibase so that its columns are Liquibase's.
	 */
	public void ensureHistoryTable() {
		try {
			if (historyExists()) {
				return;
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot inspect the history table " + this.history.qualifiedName() + ": "
					+ ex.getMessage(), "Check the database connection and the migration user's privileges.", ex);
		}
		if (this.info.isPostgres() || this.info.isH2()) {
			try {
				execute(this.history.createSql(this.info));
				if (!this.connection.getAutoCommit()) {
					this.connection.commit();
				}
				return;
			}
			catch (SQLException | StatementFailedException ex) {
				throw new MigrationException("Cannot create the history table " + this.history.qualifiedName() + ": "
						+ ex.getMessage(), "Check that the migration user may create tables in the schema.", ex);
			}
		}
		liquibase("create the history table " + this.history.qualifiedName(), () -> {
			StandardChangeLogHistoryService service = new StandardChangeLogHistoryService();
			service.setDatabase(liquibaseDatabase());
			service.init();
			return null;
		});
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
			// Every change set was filtered out (dbms, contexts, labels): a marker row still records the revision.
			changeSets = List.of(SqlWork.marker(revision));
		}
		return new CompiledRevision(revision, changeSets);
	}

	/**
	 * The revisions of an existing Liquibase master changelog: each tag closes a revision named after it; without
	 * tags, each change set is a revision.
	 * @param changelog the master changelog
	 * @param resourceLoader where to read it from
	 * @return the revisions, in changelog order
	 */
	public static List<Revision> revisionsOfChangelog(String changelog, ResourceLoader resourceLoader) {
		return LiquibaseChangelogs.revisionsOf(changelog, resourceLoader);
	}

	/**
	 * Check, before anything is written, that every placeholder a revision's plain SQL uses (its downgrade's, to
	 * reverse it) has a value.
	 * @param revision the compiled revision
	 * @param downgrade whether the revision is to be reversed
	 * @throws MigrationException naming the file and line of a placeholder without a value
	 */
	public void requirePlaceholders(CompiledRevision revision, boolean downgrade) {
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			if (changeSet.work() instanceof SqlWork sql) {
				if (downgrade) {
					sql.rollbackSql(this);
				}
				else {
					sql.upgradeStatements();
				}
			}
		}
	}

	/**
	 * Execute a revision and record it: statements and history rows in one transaction, committed at the end.
	 * Change sets that cannot run in a transaction are committed on their own, with their history row.
	 * @param revision the compiled revision
	 * @throws ChangeSetFailedException if a change set fails; the transaction is rolled back
	 */
	public void apply(CompiledRevision revision) {
		long started = System.nanoTime();
		if (!revision.transactional()) {
			logger.info("Revision {} runs change sets outside its transaction (runInTransaction: false): {}. If the "
					+ "process dies while they run, their changes can remain without their history rows.",
					revision.revision().id(), revision.changeSets()
						.stream()
						.filter((changeSet) -> !changeSet.runInTransaction())
						.map((changeSet) -> changeSet.id() + "::" + changeSet.author())
						.toList());
		}
		inTransaction(revision, (index, changeSet) -> {
			String execType = changeSet.work().execute(this);
			String tag = tagFor(revision, index);
			String comment = (tag != null) ? APPLIED_COMMENT + " in " + (System.nanoTime() - started) / 1_000_000 + " ms"
					: null;
			execute(insertSql(changeSet, execType, comment, tag));
		});
	}

	/**
	 * Record a revision's change sets as ran without executing them ({@code EXECTYPE = MARK_RAN}).
	 * @param revision the compiled revision
	 * @param comment the comment that tells how it was recorded (stamp, baseline)
	 * @param recordedKeys the change sets already recorded, which are skipped
	 */
	public void record(CompiledRevision revision, String comment, java.util.Set<String> recordedKeys) {
		inTransaction(revision, (index, changeSet) -> {
			if (!recordedKeys.contains(changeSet.key())) {
				execute(insertSql(changeSet, "MARK_RAN", comment, tagFor(revision, index)));
			}
		});
	}

	/**
	 * Record new checksums in the history, in one transaction.
	 * @param updates the rows and their new checksums
	 * @throws MigrationException if the history cannot be written; nothing is changed then
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
				rollbackQuietly();
				throw new MigrationException("Cannot record checksums in " + this.history.qualifiedName() + ": "
						+ ex.getMessage() + ". Nothing was changed.",
						"Check that the migration user may update " + this.history.qualifiedName() + ".", ex);
			}
			finally {
				this.connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot record checksums in " + this.history.qualifiedName() + ": "
					+ ex.getMessage(), "Check the database connection.", ex);
		}
	}

	/**
	 * Record a revision's change sets as ran without executing them ({@code EXECTYPE = MARK_RAN}), dated when
	 * another tool executed it.
	 * @param revision the compiled revision
	 * @param comment the comment that tells where it was adopted from
	 * @param executedAt when the other tool executed it, in the database's local time; {@code null} for now
	 */
	public void adopt(CompiledRevision revision, String comment, java.time.@Nullable LocalDateTime executedAt) {
		inTransaction(revision, (index, changeSet) -> execute(this.history.insertSql(changeSet, this.nextOrder++,
				"MARK_RAN", comment, tagFor(revision, index), this.deploymentId, LiquibaseVersion.VALUE, executedAt)));
	}

	private @Nullable String tagFor(CompiledRevision revision, int index) {
		return (index == revision.changeSets().size() - 1) ? revision.revision().id().value() : null;
	}

	private String insertSql(PlannedChangeSet changeSet, String execType, @Nullable String comment,
			@Nullable String tag) {
		return this.history.insertSql(changeSet, this.nextOrder++, execType, comment, tag, this.deploymentId,
				LiquibaseVersion.VALUE);
	}

	private void inTransaction(CompiledRevision revision, ChangeSetStep step) {
		List<PlannedChangeSet> changeSets = revision.changeSets();
		boolean autoCommit;
		try {
			autoCommit = this.connection.getAutoCommit();
			this.connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			throw new ChangeSetFailedException(revision.revision().id().value(), null, false, ex);
		}
		boolean committedSome = false;
		PlannedChangeSet current = null;
		try {
			for (int i = 0; i < changeSets.size(); i++) {
				current = changeSets.get(i);
				if (!current.runInTransaction()) {
					this.connection.commit();
					this.connection.setAutoCommit(true);
					step.run(i, current);
					committedSome = true;
					this.connection.setAutoCommit(false);
				}
				else {
					step.run(i, current);
				}
			}
			this.connection.commit();
		}
		catch (Exception ex) {
			rollbackQuietly();
			String name = (current != null) ? current.id() + "::" + current.author() : revision.revision().id().value();
			String statement = (ex instanceof StatementFailedException failed) ? failed.statement : null;
			Throwable cause = (ex instanceof StatementFailedException failed) ? failed.getCause() : ex;
			throw new ChangeSetFailedException(name, statement, !committedSome && this.info.isPostgres(), cause);
		}
		finally {
			try {
				this.connection.setAutoCommit(autoCommit);
			}
			catch (SQLException ex) {
				logger.debug("Could not restore auto-commit", ex);
			}
		}
	}

	private void rollbackQuietly() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
			}
		}
		catch (SQLException ex) {
			logger.warn("Rollback after a failed revision failed: {}", ex.getMessage());
		}
	}

	void execute(String sql) throws StatementFailedException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
	}

	/**
	 * The SQL a revision runs, without the history bookkeeping.
	 * @param revision the compiled revision
	 * @return the statements
	 */
	public List<String> sql(CompiledRevision revision) {
		List<String> statements = new ArrayList<>();
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			statements.addAll(liquibase("generate the SQL of change set " + changeSet.id(),
					() -> changeSet.work().sql(this)));
		}
		return statements;
	}

	/**
	 * Everything applying a revision executes, history bookkeeping included, in order; executes nothing.
	 * @param revision the compiled revision
	 * @return the statements
	 */
	public List<String> applySql(CompiledRevision revision) {
		List<String> statements = new ArrayList<>();
		List<PlannedChangeSet> changeSets = revision.changeSets();
		for (int i = 0; i < changeSets.size(); i++) {
			PlannedChangeSet changeSet = changeSets.get(i);
			statements.addAll(liquibase("generate the SQL of change set " + changeSet.id(),
					() -> changeSet.work().sql(this)));
			statements.add(insertSql(changeSet, "EXECUTED", null, tagFor(revision, i)));
		}
		return statements;
	}

	/**
	 * Everything reversing a revision executes, history bookkeeping included; executes nothing.
	 * @param revision the compiled revision
	 * @param rows the history rows of the revision
	 * @return the statements
	 */
	public List<String> revertSql(CompiledRevision revision, List<HistoryRow> rows) {
		List<String> statements = new ArrayList<>();
		List<PlannedChangeSet> changeSets = new ArrayList<>(revision.changeSets());
		java.util.Collections.reverse(changeSets);
		for (PlannedChangeSet changeSet : changeSets) {
			statements.addAll(liquibase("generate the rollback SQL of change set " + changeSet.id(),
					() -> changeSet.work().rollbackSql(this)));
		}
		rows.forEach((row) -> statements.add(this.history.deleteSql(row)));
		return statements;
	}

	/**
	 * The history rows that recording a revision without running it inserts; executes nothing.
	 * @param revision the compiled revision
	 * @param comment the comment that tells how it was recorded
	 * @return the statements
	 */
	public List<String> recordSql(CompiledRevision revision, String comment) {
		List<String> statements = new ArrayList<>();
		for (int i = 0; i < revision.changeSets().size(); i++) {
			statements.add(insertSql(revision.changeSets().get(i), "MARK_RAN", comment, tagFor(revision, i)));
		}
		return statements;
	}

	/**
	 * The SQL that creates the history table, if it does not exist yet.
	 * @return the statements, empty if the table exists
	 */
	public List<String> historyTableSql() {
		try {
			if (historyExists()) {
				return List.of();
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot inspect the history table: " + ex.getMessage(),
					"Check the database connection.", ex);
		}
		if (this.info.isPostgres() || this.info.isH2()) {
			return List.of(this.history.createSql(this.info));
		}
		return liquibase("generate the history table's DDL", () -> {
			List<String> statements = new ArrayList<>();
			for (liquibase.sql.Sql sql : liquibase.sqlgenerator.SqlGeneratorFactory.getInstance()
				.generateSql(new liquibase.statement.core.CreateDatabaseChangeLogTableStatement(),
						liquibaseDatabase())) {
				statements.add(sql.toSql());
			}
			return statements;
		});
	}

	/**
	 * Whether and how a revision can be reversed.
	 * @param revision the compiled revision
	 * @return the reversal; not reversible if any change set is not
	 */
	public Reversal reversal(CompiledRevision revision) {
		Reversal result = null;
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			Reversal reversal = liquibase("inspect the rollback of change set " + changeSet.id(),
					() -> changeSet.work().reversal(this));
			if (!reversal.reversible()) {
				return Reversal.impossible("change set " + changeSet.id() + "::" + changeSet.author() + ": "
						+ reversal.how());
			}
			result = (result == null) ? reversal : Reversal.combine(result, reversal);
		}
		return (result != null) ? result : Reversal.by("nothing to reverse");
	}

	/**
	 * Reverse a revision: its change sets newest first, and delete its history rows, in one transaction.
	 * @param revision the compiled revision
	 * @param rows the history rows of the revision
	 * @throws ChangeSetFailedException if a change set fails; the transaction is rolled back
	 */
	public void revert(CompiledRevision revision, List<HistoryRow> rows) {
		List<PlannedChangeSet> changeSets = new ArrayList<>(revision.changeSets());
		java.util.Collections.reverse(changeSets);
		CompiledRevision reversed = new CompiledRevision(revision.revision(), changeSets);
		inTransaction(reversed, (index, changeSet) -> {
			liquibase("roll back change set " + changeSet.id(), () -> {
				changeSet.work().rollback(this);
				return null;
			});
			for (HistoryRow row : rows) {
				if (row.key().equals(changeSet.key())) {
					execute(this.history.deleteSql(row));
				}
			}
		});
	}

	EngineSettings settings() {
		return this.settings;
	}

	Connection connection() {
		return this.connection;
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
	 * Run Liquibase code in the starter's scope: analytics off, resources from the application's resource loader.
	 */
	<T> T liquibase(String what, Callable<T> work) {
		return liquibaseSession().run(what, work);
	}

	@Override
	public void close() {
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
				else if (this.originalSchema != null) {
					this.connection.setSchema(this.originalSchema);
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

	@FunctionalInterface
	private interface ChangeSetStep {

		void run(int index, PlannedChangeSet changeSet) throws Exception;

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

	}

}
