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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrators of one JVM working on H2 at the same time: each revision is applied once, no
 * Liquibase table lock is left set (liquibase#7956: Liquibase 5.0.4's own update leaves
 * it set when two updates overlap in one JVM), and a lock that stays held fails the
 * start, naming its holder.
 */
class H2MigrationLockTests {

	@TempDir
	Path temp;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""").add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id));
				INSERT INTO projects (id, account_id) VALUES (1, 1);
				""").add("003_add_project_name.sql", "ALTER TABLE projects ADD COLUMN name VARCHAR(100);");
	}

	@Test
	void twoDataSourcesMigratingOneDatabaseAtOnceApplyEachRevisionOnce() throws Exception {
		TestDatabase db = TestDatabases.h2();
		List<RunReport> reports = ConcurrentMigrators.migrate(List.of(migrator(db), migrator(db)));
		assertThat(reports).flatMap(RunReport::applied).containsExactlyInAnyOrder("001", "002", "003");
		assertAppliedOnceAndUnlocked(db);
	}

	@Test
	void differentUrlsOfOneDatabaseAreSerializedByTheTableLock() throws Exception {
		// Two spellings of one file database: the in-JVM lock keys differ, only
		// Liquibase's table lock is shared.
		Path file = this.temp.resolve("db").resolve("app");
		TestDatabase first = new TestDatabase("h2", "jdbc:h2:file:" + file, "sa", "");
		TestDatabase second = new TestDatabase("h2", "jdbc:h2:" + file.getParent().resolve("..").resolve("db/app"),
				"sa", "");
		List<Migrator> migrators = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			migrators.add(migrator(first));
			migrators.add(migrator(second));
		}
		List<RunReport> reports = ConcurrentMigrators.migrate(migrators);
		assertThat(reports).flatMap(RunReport::applied).containsExactlyInAnyOrder("001", "002", "003");
		assertAppliedOnceAndUnlocked(first);
	}

	@Test
	void concurrentMigrationsOfSeparateDatabasesLeaveNoLockBehind() throws Exception {
		List<TestDatabase> databases = List.of(TestDatabases.h2(), TestDatabases.h2(), TestDatabases.h2());
		List<RunReport> reports = ConcurrentMigrators.migrate(databases.stream().map(this::migrator).toList());
		assertThat(reports).allSatisfy((report) -> assertThat(report.applied()).containsExactly("001", "002", "003"));
		databases.forEach(this::assertAppliedOnceAndUnlocked);
	}

	@Test
	void migratorArrivingInTheMiddleOfARevisionWaitsForIt() throws Exception {
		// H2 commits DDL at once: a migrator arriving mid-revision sees the revision's
		// tables without its history.
		TestDatabase db = TestDatabases.h2();
		db.jdbc().execute("CREATE ALIAS PAUSE FOR 'java.lang.Thread.sleep(long)'");
		this.revisions.add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				CALL PAUSE(1500);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""");
		CompletableFuture<RunReport> first = CompletableFuture.supplyAsync(() -> migrator(db).migrate());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!db.tables().contains("accounts")) {
			assertThat(System.nanoTime()).as("revision 001 started within 30 s").isLessThan(deadline);
			Thread.sleep(20);
		}
		RunReport second = migrator(db).migrate();
		assertThat(first.get(30, TimeUnit.SECONDS).applied()).containsExactly("001", "002", "003");
		assertThat(second.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertAppliedOnceAndUnlocked(db);
	}

	@Test
	void tableLockHeldElsewhereFailsAfterTheTimeoutNamingTheHolder() {
		TestDatabase db = TestDatabases.h2();
		migrator(db).migrate();
		this.revisions.add("004_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
					+ "LOCKEDBY = 'build-agent-7 (10.1.2.3)' WHERE ID = 1");
		Migrator waiting = migrator(db, MigrationSettings.defaults().withLockTimeout(Duration.ofSeconds(1)));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(waiting::migrate)
			.withMessageContaining("DATABASECHANGELOGLOCK")
			.withMessageContaining("within 1 s (migrations.lock.timeout)")
			.withMessageContaining("build-agent-7 (10.1.2.3)")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("SET LOCKED = FALSE"));
		assertThat(db.tables()).doesNotContain("invoices");
		assertThat(db.jdbc().queryForObject("SELECT LOCKEDBY FROM DATABASECHANGELOGLOCK WHERE ID = 1", String.class))
			.as("the other holder's lock is left alone")
			.isEqualTo("build-agent-7 (10.1.2.3)");
	}

	@Test
	void lockLeftByAProcessOfThisHostThatDiedIsTakenOver() throws Exception {
		TestDatabase db = TestDatabases.h2();
		migrator(db).migrate();
		this.revisions.add("004_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
		Process dead = new ProcessBuilder("true").start();
		dead.waitFor();
		String host = java.net.InetAddress.getLocalHost().getHostName() + " ("
				+ java.net.InetAddress.getLocalHost().getHostAddress() + ")";
		db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
					+ "LOCKEDBY = ? WHERE ID = 1", host + " pid " + dead.pid() + " started 2026-01-01T00:00:00Z");
		RunReport report = migrator(db, MigrationSettings.defaults().withLockTimeout(Duration.ofSeconds(30))).migrate();
		assertThat(report.applied()).containsExactly("004");
		assertThat(db.jdbc().queryForList("SELECT LOCKED FROM DATABASECHANGELOGLOCK", Boolean.class))
			.containsOnly(false);
	}

	private void assertAppliedOnceAndUnlocked(TestDatabase db) {
		assertThat(db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002", "003");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM projects", Integer.class)).isOne();
		assertThat(db.jdbc().queryForList("SELECT LOCKED FROM DATABASECHANGELOGLOCK", Boolean.class))
			.as("DATABASECHANGELOGLOCK.LOCKED")
			.containsOnly(false);
	}

	private Migrator migrator(TestDatabase db) {
		return migrator(db, MigrationSettings.defaults());
	}

	private Migrator migrator(TestDatabase db, MigrationSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(db.dataSource(), RevisionSource.directory(this.revisions.location(), loader), settings,
				loader);
	}

}
