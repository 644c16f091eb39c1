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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.engine.LockTimeouts;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A revision that needs a lock another session holds waits at most its lock timeout per
 * attempt, so the application's queries queued behind it wait no longer; it is retried,
 * and fails naming the blocking session when the retries are spent.
 */
class PostgresLockTimeoutTests {

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));");
		migrator(LockTimeouts.DEFAULTS).migrate();
		this.db.jdbc().update("INSERT INTO accounts VALUES (1, 'Ada')");
		this.revisions.add("002_add_account_email.sql", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);");
	}

	@Test
	void revisionBehindALongTransactionDoesNotBlockReadersLongerThanItsLockTimeoutAndSucceedsOnceItEnds()
			throws Exception {
		try (Connection blocker = connect("report-job")) {
			holdReadLock(blocker);
			CompletableFuture<Void> migration = CompletableFuture.runAsync(
					() -> migrator(new LockTimeouts(Duration.ofMillis(500), 5, null, Duration.ofSeconds(1))).migrate());
			Thread.sleep(150);
			long started = System.nanoTime();
			// Queued behind the revision's ACCESS EXCLUSIVE request while it waits.
			try (Connection reader = connect("reader"); Statement statement = reader.createStatement()) {
				statement.executeQuery("SELECT count(*) FROM accounts").close();
			}
			long readerMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(readerMillis).isLessThan(1200);
			Thread.sleep(2500 - readerMillis);
			assertThat(migration).isNotDone();
			blocker.rollback();
			migration.get(20, TimeUnit.SECONDS);
		}
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002");
		assertThat(this.db.jdbc()
			.queryForObject("SELECT count(*) FROM information_schema.columns WHERE "
					+ "table_name = 'accounts' AND column_name = 'email'", Integer.class))
			.isOne();
	}

	@Test
	void revisionThatCannotGetItsLockFailsNamingTheBlockingSessionAndLeavesTheDatabaseUnchanged() throws Exception {
		try (Connection blocker = connect("report-job")) {
			holdReadLock(blocker);
			Migrator migrator = migrator(new LockTimeouts(Duration.ofMillis(400), 1, null, Duration.ofMillis(200)));
			assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("Revision 002 add account email")
				.withMessageContaining("could not get the lock it needs")
				.withMessageContaining("ACCESS EXCLUSIVE on public.accounts")
				.withMessageContaining("application 'report-job', idle in transaction, transaction open")
				.withMessageContaining("query 'SELECT * FROM accounts")
				.withMessageContaining("tried 2 time(s)")
				.withMessageContaining("nothing of 002 was written, the database is unchanged at revision 001")
				.satisfies((ex) -> assertThat(ex.getAction()).contains("-- lock_timeout: 30s"));
		}
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001");
		assertThat(this.db.jdbc()
			.queryForObject("SELECT count(*) FROM information_schema.columns WHERE "
					+ "table_name = 'accounts' AND column_name = 'email'", Integer.class))
			.isZero();
	}

	@Test
	void revisionHeaderSetsItsOwnLockTimeout() throws Exception {
		this.revisions.add("002_add_account_email.sql", """
				-- lock_timeout: 300ms
				ALTER TABLE accounts ADD COLUMN email VARCHAR(200);
				""");
		try (Connection blocker = connect("report-job")) {
			holdReadLock(blocker);
			Migrator migrator = migrator(new LockTimeouts(Duration.ofMinutes(10), 0, null, Duration.ofSeconds(1)));
			long started = System.nanoTime();
			assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("lock_timeout 300ms, tried 1 time(s)")
				.withMessageContaining("application 'report-job'");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void statementTimeoutEndsALongStatementWithoutRetrying() {
		this.revisions.add("002_add_account_email.sql", """
				ALTER TABLE accounts ADD COLUMN email VARCHAR(200);
				SELECT pg_sleep(5);
				""");
		Migrator migrator = migrator(
				new LockTimeouts(Duration.ofSeconds(5), 3, Duration.ofMillis(300), Duration.ofSeconds(1)));
		long started = System.nanoTime();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("statement timeout")
			.withMessageContaining("rolled back completely");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001");
	}

	private void holdReadLock(Connection blocker) throws SQLException {
		blocker.setAutoCommit(false);
		try (Statement statement = blocker.createStatement()) {
			statement.executeQuery("SELECT * FROM accounts").close();
		}
	}

	private Connection connect(String application) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.db.user());
		properties.setProperty("password", this.db.password());
		properties.setProperty("ApplicationName", application);
		return DriverManager.getConnection(this.db.url(), properties);
	}

	private Migrator migrator(LockTimeouts timeouts) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(this.db.dataSource(),
				RevisionSource.directory(this.revisions.location(), loader), MigrationSettings.defaults(), loader);
		migrator.setPostgresSettings(new PostgresSettings(timeouts.lockTimeout(), timeouts.retries(),
				timeouts.statementTimeout(), timeouts.backoff(), PostgresSettings.DEFAULT_LARGE_TABLE_ROWS, false));
		return migrator;
	}

}
