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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrations.MigrationException;
import dev.migrations.internal.backup.BackupSettings;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration session on PostgreSQL meeting a server that ends sessions:
 * {@code idle_in_transaction_session_timeout} while {@code pg_dump} takes the backup, and
 * a backend terminated during a revision or during the backup. The backup is made slow by
 * a test session that holds a lock {@code pg_dump} must wait for.
 */
class PostgresSessionLossTests {

	private static final String MIGRATOR = "session-loss-migrator";

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	private Connection lockHolder;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""");
		migrator(false).migrate();
	}

	@AfterEach
	void releaseLock() throws Exception {
		if (this.lockHolder != null) {
			this.lockHolder.close();
		}
	}

	@Test
	void backupLongerThanTheIdleInTransactionTimeoutDoesNotEndTheMigration() throws Exception {
		this.db.jdbc().execute("ALTER DATABASE " + name() + " SET idle_in_transaction_session_timeout = '1s'");
		// A changelog revision: Liquibase switches the session's auto-commit off, so
		// reads open transactions.
		this.revisions.add("002_create_invoices.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: invoices
				      author: alice
				      changes:
				        - createTable:
				            tableName: invoices
				            columns:
				              - column: {name: id, type: INTEGER}
				""");
		holdAccountsLock();
		CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> migrator(true).migrate());
		awaitPgDumpWaiting(run);
		Thread.sleep(2500);
		this.lockHolder.rollback();
		RunReport report = run.get();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(report.backup()).isNotNull();
		assertThat(this.db.tables()).contains("invoices");
		assertThat(recorded()).containsExactly("001", "002");
	}

	@Test
	void backendTerminatedDuringARevisionSaysTheConnectionWasLostAndWhereTheDatabaseIs() throws Exception {
		// The revision pauses as long as the database's setting says: 30 seconds while
		// the
		// test terminates its session, none when the next start runs it again.
		this.db.jdbc().execute("ALTER DATABASE " + name() + " SET migrations_test.pause = '30'");
		this.revisions.add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY);
				SELECT pg_sleep(current_setting('migrations_test.pause')::int);
				CREATE TABLE members (id INTEGER PRIMARY KEY);
				""");
		CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> migrator(false).migrate());
		await("revision 002 is running", () -> migratorRunning("pg_sleep"));
		terminateMigrator();
		assertThat(run).failsWithin(Duration.ofSeconds(30))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(MigrationException.class)
			.withMessageContaining("The connection to the database jdbc:postgresql:")
			.withMessageContaining("was lost while revision 002 create projects")
			.withMessageContaining("terminating connection due to administrator command")
			.withMessageContaining("the database is at revision 001, a revision boundary")
			.satisfies((ex) -> assertThat(((MigrationException) ex).getAction()).startsWith("Nothing points at")
				.contains("the next start resumes after revision 001, with 002.")
				.doesNotContain("Fix "));
		assertThat(recorded()).containsExactly("001");
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog");
		this.db.jdbc().execute("ALTER DATABASE " + name() + " SET migrations_test.pause = '0'");
		assertThat(migrator(false).migrate().applied()).containsExactly("002");
	}

	@Test
	void backendTerminatedDuringANonTransactionalRevisionSaysWhatMayHaveBeenLeft() throws Exception {
		this.revisions.add("002_add_account_code.sql", """
				-- transactional: false
				ALTER TABLE accounts ADD COLUMN code VARCHAR(20);
				SELECT pg_sleep(30);
				ALTER TABLE accounts ADD COLUMN region VARCHAR(20);
				""");
		CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> migrator(false).migrate());
		await("revision 002 is running", () -> migratorRunning("pg_sleep"));
		terminateMigrator();
		assertThat(run).failsWithin(Duration.ofSeconds(30))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(MigrationException.class)
			.withMessageContaining("was lost while revision 002 add account code")
			.withMessageContaining("This is not a revision boundary: the history records the database at revision "
					+ "001 and 002 is not recorded")
			.withMessageContaining("ran outside a transaction")
			.withMessageContaining("statements of 002 that ran before the connection was lost may remain")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("rolled back", "a revision boundary ("))
			.satisfies((ex) -> assertThat(((MigrationException) ex).getAction())
				.contains("after removing what the statements of 002 left behind")
				.contains("the next start resumes after revision 001, with 002."));
		assertThat(recorded()).containsExactly("001");
		// What the operator finds: the first statement's column is there.
		assertThat(this.db.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts'",
					String.class))
			.contains("code")
			.doesNotContain("region");
	}

	@Test
	void backendTerminatedDuringTheBackupSaysTheConnectionWasLostAndNothingWasWritten() throws Exception {
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		List<Map<String, Object>> history = this.db.history();
		holdAccountsLock();
		CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> migrator(true).migrate());
		awaitPgDumpWaiting(run);
		terminateMigrator();
		this.lockHolder.rollback();
		assertThat(run).failsWithin(Duration.ofSeconds(30))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(MigrationException.class)
			.withMessageContaining("was lost while the backup was taken or just after, before any revision ran")
			.withMessageContaining("terminating connection due to administrator command")
			.withMessageContaining("The database is at revision 001, unchanged by this run.")
			.withMessageContaining("Backup taken before this run: ")
			.satisfies((ex) -> assertThat(((MigrationException) ex).getAction())
				.contains("Restart once the database is reachable")
				.contains("resumes after revision 001."));
		assertThat(this.db.history()).isEqualTo(history);
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog");
	}

	private Migrator migrator(boolean backup) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		SimpleDriverDataSource dataSource = (SimpleDriverDataSource) this.db.dataSource();
		String url = this.db.url() + (this.db.url().contains("?") ? "&" : "?") + "ApplicationName=" + MIGRATOR;
		dataSource.setUrl(url);
		DatabaseBackups backups = backup ? new DatabaseBackups(new BackupSettings(true, true,
				this.temp.resolve("backups"), 10, "pg_dump", null, this.db.url(), this.db.user(), this.db.password()))
				: null;
		return new Migrator(dataSource, RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader, backups);
	}

	private void holdAccountsLock() throws Exception {
		this.lockHolder = this.db.connect();
		this.lockHolder.setAutoCommit(false);
		try (Statement statement = this.lockHolder.createStatement()) {
			statement.execute("SET idle_in_transaction_session_timeout = 0");
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
		}
	}

	private void awaitPgDumpWaiting(CompletableFuture<RunReport> run) {
		await("pg_dump waits for the lock on accounts", () -> {
			if (run.isDone()) {
				throw new AssertionError("The run ended before pg_dump waited: "
						+ run.handle((report, ex) -> (ex != null) ? ex.getCause().getMessage() : report.toString())
							.join());
			}
			return !admin()
				.queryForList(
						"SELECT pid FROM pg_stat_activity "
								+ "WHERE datname = ? AND application_name = 'pg_dump' AND wait_event_type = 'Lock'",
						Integer.class, name())
				.isEmpty();
		});
	}

	private boolean migratorRunning(String fragment) {
		return !admin()
			.queryForList(
					"SELECT pid FROM pg_stat_activity WHERE datname = ? AND application_name = ? "
							+ "AND state = 'active' AND query LIKE ?",
					Integer.class, name(), MIGRATOR, "%" + fragment + "%")
			.isEmpty();
	}

	private void terminateMigrator() {
		List<Boolean> ended = admin().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = ? AND application_name = ?", Boolean.class, name(), MIGRATOR);
		assertThat(ended).containsOnly(true).isNotEmpty();
	}

	private JdbcTemplate admin() {
		return this.db.jdbc();
	}

	private List<String> recorded() {
		return this.db.jdbc()
			.queryForList("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted",
					String.class);
	}

	private String name() {
		String url = this.db.url();
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
