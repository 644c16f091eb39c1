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

package dev.migrations.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application killed with SIGKILL at each point of a migration on PostgreSQL: before
 * it has the lock, while it holds it, in the middle of a revision, and between two
 * revisions. Every time, the next start migrates in seconds and the database holds each
 * revision exactly once.
 * <p>
 * Revision 002 sleeps between its statements, and 003 before its first one, but only for
 * a client whose application name contains {@code slow-002} or {@code slow-003}: the
 * process that is killed is slow where the test needs it, the next start runs the same
 * files at full speed. A killed migrator's statement is cancelled by the server within a
 * second only from PostgreSQL 14 on ({@code client_connection_check_interval}).
 */
class CrashScenarioIT {

	private static final Duration SLOW = Duration.ofSeconds(60);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How long the start after a crash may take, the JVM's own start included; well below
	 * {@link #SLOW}.
	 */
	private static final Duration RESTART_LIMIT = Duration.ofSeconds(30);

	@TempDir
	Path temp;

	private ScenarioDatabase db;

	private RevisionDirectory revisions;

	private String testName;

	private final List<ScenarioProcess> processes = new ArrayList<>();

	@BeforeEach
	void setUp(TestInfo test) {
		this.testName = test.getTestMethod().orElseThrow().getName();
		this.db = ScenarioDatabase.postgres();
		String sleepIn002 = sleep("slow-002");
		String sleepIn003 = sleep("slow-003");
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""").add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id),
				    name VARCHAR(100) NOT NULL);
				INSERT INTO projects (id, account_id, name) VALUES (1, 1, 'Analytical engine');
				""" + sleepIn002 + """
				CREATE TABLE project_members (project_id INTEGER NOT NULL REFERENCES projects (id),
				    account_id INTEGER NOT NULL REFERENCES accounts (id));
				INSERT INTO project_members (project_id, account_id) VALUES (1, 1);
				""").add("003_create_invoices.sql", sleepIn003 + """
				CREATE TABLE invoices (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects (id),
				    amount NUMERIC(12, 2) NOT NULL);
				INSERT INTO invoices (id, project_id, amount) VALUES (1, 1, 100.00);
				""");
	}

	private static String sleep(String marker) {
		return "SELECT pg_sleep(CASE WHEN current_setting('application_name') LIKE '%" + marker + "%' THEN "
				+ SLOW.toSeconds() + " ELSE 0 END);\n";
	}

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ScenarioProcess::close);
	}

	@Test
	void killedWhileWaitingForTheLockLeavesNothingBehind() throws Exception {
		try (ScenarioDatabase.LockHolder holder = this.db.holdLock("scenario-lock-holder")) {
			ScenarioProcess waiting = start("waiting-slow-002");
			Await.until(START_TIMEOUT, "the application waits for the migration lock",
					() -> waiting.printed("Waiting for the migration lock"), waiting::output);
			waiting.kill();
			assertThat(this.db.lockHolder()).isEqualTo(holder.pid());
		}
		assertThat(this.db.tables()).isEmpty();
		restartMigratesEveryRevisionOnce();
	}

	@Test
	void killedWhileHoldingTheLockNeverBlocksTheNextStart() {
		ScenarioProcess migrating = start("holding-slow-002");
		Await.until(START_TIMEOUT, "the application holds the migration lock", () -> this.db.lockHolder() != null,
				migrating::output);
		migrating.kill();
		assertThat(this.db.recordedRevisions()).isSubsetOf("001");
		restartMigratesEveryRevisionOnce();
	}

	@Test
	void killedMidRevisionLeavesTheDatabaseAtTheLastRevision() {
		ScenarioProcess migrating = start("mid-revision-slow-002");
		Await.until(START_TIMEOUT, "revision 002 is half done (sleeping between its statements)",
				() -> this.db.isRunning("mid-revision-slow-002", "pg_sleep")
						&& this.db.recordedRevisions().contains("001"),
				migrating::output);
		migrating.kill();
		assertThat(this.db.recordedRevisions()).containsExactly("001");
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog");
		restartMigratesEveryRevisionOnce();
	}

	@Test
	void killedBetweenRevisionsResumesAtTheNextRevision() {
		ScenarioProcess migrating = start("between-slow-003");
		Await.until(START_TIMEOUT, "revision 002 is committed", () -> this.db.recordedRevisions().contains("002"),
				migrating::output);
		migrating.kill();
		assertThat(this.db.recordedRevisions()).containsExactly("001", "002");
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog", "project_members", "projects");
		restartMigratesEveryRevisionOnce();
	}

	private void restartMigratesEveryRevisionOnce() {
		ScenarioProcess restarted = start("restart");
		restarted.awaitReady(RESTART_LIMIT);
		assertThat(restarted.awaitExit(START_TIMEOUT)).as("exit status of the restarted application").isZero();
		assertThat(restarted.output()).doesNotContain("Waiting for the migration lock");
		assertThat(this.db.lockHolder()).isNull();
		assertThat(this.db.recordedRevisions()).containsExactly("001", "002", "003");
		assertThat(this.db.recordedChangeSets()).doesNotHaveDuplicates().hasSize(3);
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog", "invoices", "project_members",
				"projects");
		assertThat(this.db.rows("accounts")).isOne();
		assertThat(this.db.rows("projects")).isOne();
		assertThat(this.db.rows("project_members")).isOne();
		assertThat(this.db.rows("invoices")).isOne();
	}

	private ScenarioProcess start(String name) {
		List<String> arguments = new ArrayList<>(this.db.datasourceArguments(name));
		arguments.add("--migrations.location=" + this.revisions.location());
		ScenarioProcess process = ScenarioProcess.start(this.testName + "-" + name, arguments);
		this.processes.add(process);
		return process;
	}

}
