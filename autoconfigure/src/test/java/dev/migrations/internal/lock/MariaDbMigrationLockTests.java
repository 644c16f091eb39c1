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

package dev.migrations.internal.lock;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code GET_LOCK} lock on MariaDB: migrators at once apply each revision once, a
 * holder elsewhere is named on a timeout, and no lock is ever left behind.
 */
@EnabledIfMariaDb
class MariaDbMigrationLockTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.mariaDb();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);")
			.add("002_create_projects.sql", """
					CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id));
					SELECT SLEEP(0.5);
					""");
	}

	Migrator migrator(MigrationSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader), settings,
				loader);
	}

	String lockName() {
		return MariaDbNamedLock.nameFor(this.db.container(), "DATABASECHANGELOG");
	}

	boolean lockFree() {
		return this.db.jdbc().queryForObject("SELECT IS_FREE_LOCK(?)", Integer.class, lockName()) == 1;
	}

	boolean lockFreeWithin(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!lockFree()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	@Test
	void migratorsAtOnceApplyEachRevisionOnceAndLeaveNoLock() throws Exception {
		List<Migrator> migrators = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			migrators.add(migrator(MigrationSettings.defaults()));
		}
		List<RunReport> reports = ConcurrentMigrators.migrate(migrators);
		assertThat(reports).flatMap(RunReport::applied).containsExactlyInAnyOrder("001", "002");
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002");
		assertThat(lockFree()).isTrue();
		assertThat(this.db.tables()).doesNotContain("databasechangeloglock");
	}

	@Test
	void aHolderElsewhereIsNamedOnTimeoutAndNothingIsWritten() throws Exception {
		try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
			long holderId;
			try (ResultSet result = statement.executeQuery("SELECT CONNECTION_ID()")) {
				result.next();
				holderId = result.getLong(1);
			}
			try (ResultSet result = statement.executeQuery("SELECT GET_LOCK('" + lockName() + "', 0)")) {
				result.next();
				assertThat(result.getInt(1)).isOne();
			}
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(
						() -> migrator(MigrationSettings.defaults().withLockTimeout(Duration.ofSeconds(1))).migrate())
				.withMessageContaining("Could not take the migration lock '" + lockName() + "' (GET_LOCK) within 1 s")
				.withMessageContaining("held by connection " + holderId + " (host ")
				.withMessageContaining("Nothing was written")
				.satisfies((ex) -> assertThat(ex.getAction()).contains("KILL <connection id>"));
			assertThat(this.db.tables()).isEmpty();
		}
		// The server releases the lock with the holder's session, once it has processed
		// the session's end: that may come a moment after close() returns.
		assertThat(lockFreeWithin(Duration.ofSeconds(10))).isTrue();
		assertThat(migrator(MigrationSettings.defaults()).migrate().applied()).containsExactly("001", "002");
	}

	@Test
	void lockNamesStayWithinSixtyFourCharacters() {
		assertThat(MariaDbNamedLock.nameFor("app", "DATABASECHANGELOG")).isEqualTo("migrations:app.databasechangelog");
		String longName = MariaDbNamedLock.nameFor("a_database_with_a_rather_long_name_for_a_test",
				"A_HISTORY_TABLE_WITH_A_LONG_NAME");
		assertThat(longName).hasSizeLessThanOrEqualTo(64).startsWith("migrations:");
		assertThat(MariaDbNamedLock.nameFor("a_database_with_a_rather_long_name_for_a_test",
				"a_history_table_with_a_long_name"))
			.isEqualTo(longName);
	}

}
