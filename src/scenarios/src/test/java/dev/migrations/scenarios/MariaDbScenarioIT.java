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
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.internal.lock.MariaDbNamedLock;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.MariaDbServer;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications as processes of their own on a real MariaDB: one killed with SIGKILL
 * inside a revision (MariaDB commits its first DDL statement at once), and several
 * started at once.
 * <p>
 * Revision 002 sleeps between its two statements, but only for the database user
 * {@code slow_…}: the process that is killed is slow where the test needs it, the next
 * start runs the same files at full speed. MariaDB runs a killed client's statement to
 * its end before it ends the session: the sleep is short, and the next start waits for
 * the lock until then.
 */
@EnabledIfMariaDb
class MariaDbScenarioIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	Path temp;

	private TestDatabase db;

	private String slowUser;

	private RevisionDirectory revisions;

	private String testName;

	private final List<ScenarioProcess> processes = new ArrayList<>();

	@BeforeEach
	void setUp(TestInfo test) {
		this.testName = "mariadb-" + test.getTestMethod().orElseThrow().getName();
		this.db = TestDatabases.mariaDb();
		this.slowUser = "slow_" + UUID.randomUUID().toString().substring(0, 8);
		MariaDbServer.get().execute("CREATE USER '" + this.slowUser + "'@'%' IDENTIFIED BY 'slow-pw'");
		MariaDbServer.get().execute("GRANT ALL ON `" + this.db.container() + "`.* TO '" + this.slowUser + "'@'%'");
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""").add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id));
				SELECT SLEEP(IF(CURRENT_USER() LIKE 'slow%', 5, 0));
				CREATE TABLE project_members (project_id INTEGER NOT NULL REFERENCES projects (id));
				""").add("003_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);");
	}

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ScenarioProcess::close);
		MariaDbServer.get().execute("DROP USER IF EXISTS '" + this.slowUser + "'@'%'");
	}

	@Test
	void killedInsideARevisionTheNextStartNamesItAndTheWayOutWorks() {
		ScenarioProcess slow = start("slow", this.slowUser, "slow-pw");
		Await.until(START_TIMEOUT, "revision 002 is half done (sleeping between its statements)",
				() -> !this.db.jdbc()
					.queryForList("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND INFO LIKE ?",
							Long.class, this.slowUser, "%SLEEP(IF%")
					.isEmpty(),
				slow::output);
		slow.kill();
		assertThat(this.db.tables()).contains("projects").doesNotContain("project_members");

		ScenarioProcess next = start("next", this.db.user(), this.db.password());
		assertThat(next.awaitExit(START_TIMEOUT)).as("exit status of the next start").isNotZero();
		assertThat(next.output())
			.contains("Revision 002 (", "never finished", "statement 1: CREATE TABLE projects", "stamp 002",
					"repair 002")
			.doesNotContain("already exists");
		assertThat(recorded()).containsExactly("001");
		assertThat(lockFree()).isTrue();

		// Undo what ran of 002, clear the marker, start again: 002 runs from its start.
		this.db.jdbc().execute("DROP TABLE projects");
		ScenarioProcess repaired = start("repair", this.db.user(), this.db.password(), "--migrations.repair=002");
		assertThat(repaired.awaitExit(START_TIMEOUT)).as("exit status of the repair").isZero();
		ScenarioProcess again = start("again", this.db.user(), this.db.password());
		assertThat(again.awaitExit(START_TIMEOUT)).as("exit status of the start after the repair").isZero();
		assertThat(recorded()).containsExactly("001", "002", "003");
		assertThat(lockFree()).isTrue();
	}

	@Test
	void severalInstancesAtOnceApplyEachRevisionOnce() {
		List<ScenarioProcess> instances = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			instances.add(start("instance-" + i, this.db.user(), this.db.password()));
		}
		for (ScenarioProcess instance : instances) {
			assertThat(instance.awaitExit(START_TIMEOUT)).as("exit status of " + instance).isZero();
		}
		assertThat(recorded()).containsExactly("001", "002", "003");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM DATABASECHANGELOG", Integer.class)).isEqualTo(3);
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM accounts", Integer.class)).isOne();
		assertThat(lockFree()).isTrue();
	}

	private List<String> recorded() {
		return this.db.jdbc().queryForList("SELECT TAG FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED", String.class);
	}

	private boolean lockFree() {
		return this.db.jdbc()
			.queryForObject("SELECT IS_FREE_LOCK(?)", Integer.class,
					MariaDbNamedLock.nameFor(this.db.container(), "DATABASECHANGELOG")) == 1;
	}

	private ScenarioProcess start(String name, String user, String password, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.db.url(),
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--migrations.location=" + this.revisions.location()));
		arguments.addAll(List.of(more));
		ScenarioProcess process = ScenarioProcess.start(this.testName + "-" + name, arguments);
		this.processes.add(process);
		return process;
	}

}
