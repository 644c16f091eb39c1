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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import liquibase.changelog.StandardChangeLogHistoryService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseInfo;
import dev.migrations.MigrationException;

/**
 * Applies, reverses and records revisions on one engine's connection, history rows
 * included, or collects the very same statements without executing them. Executing, a
 * revision's statements and its history rows run in one transaction committed at its end
 * (on PostgreSQL a revision is atomic); change sets that cannot run in a transaction are
 * committed on their own, with their history row.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class RevisionExecutor {

	private static final Logger logger = LoggerFactory.getLogger(RevisionExecutor.class);

	/**
	 * The comment on the last history row of a revision applied by this starter; the
	 * duration follows.
	 */
	public static final String APPLIED_COMMENT = "applied by migrations";

	private final MigrationEngine engine;

	private final StatementSink sink;

	private final boolean rollBack;

	private final @Nullable StatementObserver observer;

	private RevisionExecutor(MigrationEngine engine, StatementSink sink) {
		this(engine, sink, false);
	}

	private RevisionExecutor(MigrationEngine engine, StatementSink sink, boolean rollBack) {
		this(engine, sink, rollBack, null);
	}

	private RevisionExecutor(MigrationEngine engine, StatementSink sink, boolean rollBack,
			@Nullable StatementObserver observer) {
		this.engine = engine;
		this.sink = sink;
		this.rollBack = rollBack;
		this.observer = observer;
	}

	/**
	 * An executor that runs each transactional revision's statements, tells an observer
	 * after each one while the transaction is open, and then rolls the revision back:
	 * nothing it applies stays. Revisions that cannot run in a transaction are not run.
	 * @param engine the engine
	 * @param observer told after each statement
	 * @return the executor
	 */
	public static RevisionExecutor measuring(MigrationEngine engine, StatementObserver observer) {
		return new RevisionExecutor(engine, StatementSink.observing(engine, observer), true, observer);
	}

	/**
	 * An executor that runs statements on the engine's connection.
	 * @param engine the engine
	 * @return the executor
	 */
	public static RevisionExecutor executing(MigrationEngine engine) {
		return new RevisionExecutor(engine, StatementSink.executing(engine));
	}

	/**
	 * An executor that collects the statements it would run, and runs nothing.
	 * @param engine the engine, which still reads the database (history, preconditions)
	 * @return the executor
	 */
	public static RevisionExecutor previewing(MigrationEngine engine) {
		return new RevisionExecutor(engine, StatementSink.collecting());
	}

	/**
	 * Whether statements are executed.
	 * @return {@code false} for a preview
	 */
	public boolean executes() {
		return this.sink.executes();
	}

	/**
	 * The statements collected by a preview, in order; empty when executing.
	 * @return the statements; comments start with {@code "-- "}
	 */
	public List<String> statements() {
		return Collections.unmodifiableList(this.sink.statements());
	}

	/**
	 * Add a comment to a preview; nothing when executing.
	 * @param text the comment, without {@code --}
	 */
	public void note(String text) {
		this.sink.note(text);
	}

	/**
	 * Create the history table if it does not exist: with the same columns as
	 * Liquibase's.
	 */
	public void createHistoryTable() {
		HistoryTable history = this.engine.history();
		try {
			if (this.engine.historyExists()) {
				return;
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot inspect the history table " + history.qualifiedName() + ": " + ex.getMessage(),
					"Check the database connection and the migration user's privileges.", ex);
		}
		DatabaseInfo info = this.engine.databaseInfo();
		if (info.isPostgres() || info.isH2() || info.isMariaDbOrMySql()) {
			try {
				this.sink.statement(history.createSql(info));
				Connection connection = this.engine.connection();
				if (this.sink.executes() && !connection.getAutoCommit()) {
					connection.commit();
				}
				return;
			}
			catch (SQLException | MigrationEngine.StatementFailedException ex) {
				throw new MigrationException(
						"Cannot create the history table " + history.qualifiedName() + ": " + ex.getMessage(),
						"Check that the migration user may create tables in the schema.", ex);
			}
		}
		List<String> statements = this.engine.liquibase("create the history table " + history.qualifiedName(), () -> {
			if (this.sink.executes()) {
				StandardChangeLogHistoryService service = new StandardChangeLogHistoryService();
				service.setDatabase(this.engine.liquibaseDatabase());
				service.init();
				return List.of();
			}
			List<String> ddl = new ArrayList<>();
			for (liquibase.sql.Sql sql : liquibase.sqlgenerator.SqlGeneratorFactory.getInstance()
				.generateSql(new liquibase.statement.core.CreateDatabaseChangeLogTableStatement(),
						this.engine.liquibaseDatabase())) {
				ddl.add(sql.toSql());
			}
			return ddl;
		});
		statements.forEach(this.sink::statement);
	}

	/**
	 * Execute a revision and record it.
	 * @param revision the compiled revision
	 * @throws ChangeSetFailedException if a change set fails; the transaction is rolled
	 * back
	 */
	public void apply(CompiledRevision revision) {
		long started = System.nanoTime();
		if (!revision.transactional() && this.sink.executes()) {
			logger.info(
					"Revision {} runs change sets outside its transaction (runInTransaction: false): {}. If the "
							+ "process dies while they run, their changes can remain without their history rows.",
					revision.revision().id(),
					revision.changeSets()
						.stream()
						.filter((changeSet) -> !changeSet.runInTransaction())
						.map((changeSet) -> changeSet.id() + "::" + changeSet.author())
						.toList());
		}
		marked(revision, false, () -> inTransaction(revision, (index, changeSet) -> {
			String execType = changeSet.work().upgrade(this.engine, this.sink);
			String tag = tagFor(revision, index);
			String comment = (tag != null)
					? APPLIED_COMMENT + " in " + (System.nanoTime() - started) / 1_000_000 + " ms" : null;
			this.sink.historyRow(insert(changeSet, execType, comment, tag));
			if (this.sink.executes() && index == revision.changeSets().size() - 1) {
				this.engine.markFinished();
			}
		}));
	}

	/**
	 * Run a revision's transaction marked as started (on databases whose DDL commits at
	 * once): the marker is committed before the first statement, and after the
	 * transaction ended the engine learns whether it committed.
	 * @param revision the compiled revision
	 * @param downgrade whether it is being reversed
	 * @param transaction the revision's transaction
	 */
	private void marked(CompiledRevision revision, boolean downgrade, Runnable transaction) {
		boolean marked = false;
		if (this.sink.executes()) {
			try {
				this.engine.markStarted(revision, downgrade);
				marked = true;
			}
			catch (SQLException ex) {
				throw new ChangeSetFailedException(revision.revision().id().value(), null, true, ex);
			}
		}
		boolean committed = false;
		try {
			transaction.run();
			committed = true;
		}
		finally {
			if (marked) {
				this.engine.markEnded(committed);
			}
		}
	}

	/**
	 * Record a revision's change sets as ran without executing them
	 * ({@code EXECTYPE = MARK_RAN}).
	 * @param revision the compiled revision
	 * @param comment the comment that tells how it was recorded (stamp, baseline)
	 * @param recordedKeys the change sets already recorded, which are skipped
	 */
	public void record(CompiledRevision revision, String comment, Set<String> recordedKeys) {
		inTransaction(revision, (index, changeSet) -> {
			if (!recordedKeys.contains(changeSet.key())) {
				this.sink.historyRow(insert(changeSet, "MARK_RAN", comment, tagFor(revision, index)));
			}
		});
	}

	/**
	 * Record a revision's change sets as ran without executing them
	 * ({@code EXECTYPE = MARK_RAN}), dated when another tool executed it.
	 * @param revision the compiled revision
	 * @param comment the comment that tells where it was adopted from
	 * @param executedAt when the other tool executed it, in the database's local time;
	 * {@code null} for now
	 */
	public void adopt(CompiledRevision revision, String comment, java.time.@Nullable LocalDateTime executedAt) {
		inTransaction(revision,
				(index, changeSet) -> this.sink.statement(this.engine.history()
					.insertSql(changeSet, this.engine.nextOrder(), "MARK_RAN", comment, tagFor(revision, index),
							this.engine.deploymentId(), MigrationEngine.liquibaseVersion(), executedAt)));
	}

	/**
	 * Reverse a revision: its change sets newest first, and delete its history rows, in
	 * one transaction. Where DDL commits at once, the revision is marked as being
	 * reversed until its history rows are deleted, all of them with the marker at the
	 * end, so that a downgrade stopped half-way leaves the revision recorded and marked.
	 * @param revision the compiled revision
	 * @param rows the history rows of the revision
	 * @throws ChangeSetFailedException if a change set fails; the transaction is rolled
	 * back
	 */
	public void revert(CompiledRevision revision, List<HistoryRow> rows) {
		List<PlannedChangeSet> changeSets = new ArrayList<>(revision.changeSets());
		Collections.reverse(changeSets);
		CompiledRevision reversed = new CompiledRevision(revision.revision(), changeSets);
		boolean marks = this.engine.marksRevisions();
		marked(revision, true, () -> inTransaction(reversed, (index, changeSet) -> {
			changeSet.work().downgrade(this.engine, this.sink);
			boolean last = index == changeSets.size() - 1;
			for (HistoryRow row : rows) {
				if (marks ? last : row.key().equals(changeSet.key())) {
					this.sink.bookkeeping(this.engine.history().deleteSql(row));
				}
			}
			if (last && this.sink.executes()) {
				this.engine.markFinished();
			}
		}));
	}

	private @Nullable String tagFor(CompiledRevision revision, int index) {
		return (index == revision.changeSets().size() - 1) ? revision.revision().id().value() : null;
	}

	private HistoryTable.Insert insert(PlannedChangeSet changeSet, String execType, @Nullable String comment,
			@Nullable String tag) {
		return this.engine.history()
			.insert(changeSet, this.engine.nextOrder(), execType, comment, tag, this.engine.deploymentId(),
					MigrationEngine.liquibaseVersion());
	}

	private void inTransaction(CompiledRevision revision, ChangeSetStep step) {
		if (!this.sink.executes()) {
			for (int i = 0; i < revision.changeSets().size(); i++) {
				try {
					step.run(i, revision.changeSets().get(i));
				}
				catch (MigrationException ex) {
					throw ex;
				}
				catch (Exception ex) {
					PlannedChangeSet changeSet = revision.changeSets().get(i);
					throw new MigrationException(
							"Cannot produce the SQL of change set " + changeSet.id() + "::" + changeSet.author()
									+ " of revision " + revision.revision().id() + ": "
									+ ChangeSetFailedException.rootMessage(ex),
							"Check " + revision.revision().file() + ".", ex);
				}
			}
			return;
		}
		LockTimeouts timeouts = this.engine.lockTimeouts();
		String lockTimeout = lockTimeout(revision, timeouts);
		if (!this.engine.databaseInfo().isPostgres() || !revision.transactional()
				|| (lockTimeout == null && timeouts.statementTimeout() == null)) {
			attempt(revision, step, null, null);
			return;
		}
		boolean retried = lockTimeout != null && !lockTimeout.matches("0+\\s*[a-z]*");
		int order = this.engine.peekOrder();
		LockWaitObserver lockWaits = (retried && this.engine.lockObserverSource() != null)
				? new LockWaitObserver(this.engine.lockObserverSource()) : null;
		try {
			for (int attempt = 1;; attempt++) {
				try {
					attempt(revision, step, lockTimeout, lockWaits);
					return;
				}
				catch (ChangeSetFailedException ex) {
					if (!retried || !ex.isLockTimeout()) {
						throw ex;
					}
					LockWaitObserver.LockWait wait = (lockWaits != null) ? lockWaits.last() : null;
					String waited = (wait != null) ? wait.describe() : "a lock (the blocking session was not seen)";
					if (attempt > timeouts.retries()) {
						throw ex.withLockWait("it waited for " + waited + "; lock_timeout " + lockTimeout + ", tried "
								+ attempt + " time(s)");
					}
					this.engine.resetOrder(order);
					java.time.Duration pause = timeouts.pauseBefore(attempt);
					logger.warn(
							"Revision {} could not get its lock within lock_timeout {} (attempt {}/{}): it waited for "
									+ "{}. Rolled back, nothing of it was written; trying again in {} ms",
							revision.revision().id(), lockTimeout, attempt, timeouts.retries() + 1, waited,
							pause.toMillis());
					sleep(pause);
				}
			}
		}
		finally {
			if (lockWaits != null) {
				lockWaits.close();
			}
		}
	}

	private static @Nullable String lockTimeout(CompiledRevision revision, LockTimeouts timeouts) {
		String header = revision.revision().header(LockTimeouts.HEADER);
		if (header != null && LockTimeouts.isValidHeader(header)) {
			return header.trim().replace(" ", "");
		}
		return (timeouts.lockTimeout() != null) ? LockTimeouts.postgres(timeouts.lockTimeout()) : null;
	}

	private static void sleep(java.time.Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void attempt(CompiledRevision revision, ChangeSetStep step, @Nullable String lockTimeout,
			@Nullable LockWaitObserver lockWaits) {
		Connection connection = this.engine.connection();
		List<PlannedChangeSet> changeSets = revision.changeSets();
		boolean autoCommit;
		try {
			autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			throw new ChangeSetFailedException(revision.revision().id().value(), null, false, ex);
		}
		boolean committedSome = false;
		PlannedChangeSet current = null;
		AutoCloseable watch = null;
		try {
			if (this.observer != null) {
				this.observer.beginning();
			}
			if (this.engine.databaseInfo().isPostgres() && revision.transactional()
					&& (lockTimeout != null || this.engine.lockTimeouts().statementTimeout() != null)) {
				int pid = limitWaits(connection, lockTimeout);
				if (lockWaits != null && lockTimeout != null) {
					watch = lockWaits.watch(pid, LockTimeouts.parse(lockTimeout));
				}
			}
			for (int i = 0; i < changeSets.size(); i++) {
				current = changeSets.get(i);
				if (!current.runInTransaction()) {
					connection.commit();
					connection.setAutoCommit(true);
					// Each statement of this change set commits as it runs: a failure
					// (or a lost connection) part-way leaves what ran before it.
					committedSome = true;
					step.run(i, current);
					connection.setAutoCommit(false);
				}
				else {
					step.run(i, current);
					if (this.observer != null) {
						this.observer.executed("change set " + current.id());
					}
				}
			}
			if (this.rollBack) {
				connection.rollback();
			}
			else {
				connection.commit();
			}
		}
		catch (Exception ex) {
			rollbackQuietly(connection);
			String name = (current != null) ? current.id() + "::" + current.author() : revision.revision().id().value();
			String statement = (ex instanceof MigrationEngine.StatementFailedException failed) ? failed.statement()
					: null;
			Throwable cause = (ex instanceof MigrationEngine.StatementFailedException failed) ? failed.getCause() : ex;
			throw new ChangeSetFailedException(name, statement,
					!committedSome && this.engine.databaseInfo().isPostgres(), cause);
		}
		finally {
			closeQuietly(watch);
			try {
				connection.setAutoCommit(autoCommit);
			}
			catch (SQLException ex) {
				logger.debug("Could not restore auto-commit", ex);
			}
		}
	}

	/**
	 * Set the transaction's lock and statement timeouts ({@code SET LOCAL}); the
	 * session's backend pid, for the observer.
	 * @param connection the connection
	 * @param lockTimeout the lock timeout
	 * @return the int
	 */
	private int limitWaits(Connection connection, @Nullable String lockTimeout) throws SQLException {
		java.time.Duration statementTimeout = this.engine.lockTimeouts().statementTimeout();
		try (java.sql.PreparedStatement statement = connection.prepareStatement(
				"SELECT pg_backend_pid(), set_config('lock_timeout', coalesce(?, current_setting('lock_timeout')), "
						+ "true), set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), "
						+ "true)")) {
			statement.setString(1, lockTimeout);
			statement.setString(2, (statementTimeout != null) ? LockTimeouts.postgres(statementTimeout) : null);
			try (java.sql.ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.debug("Could not stop watching the lock wait", ex);
			}
		}
	}

	private static void rollbackQuietly(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			logger.warn("Rollback after a failed revision failed: {}", ex.getMessage());
		}
	}

	@FunctionalInterface
	private interface ChangeSetStep {

		void run(int index, PlannedChangeSet changeSet) throws Exception;

	}

}
