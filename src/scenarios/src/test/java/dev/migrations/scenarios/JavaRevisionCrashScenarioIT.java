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
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application killed with SIGKILL while a Java revision ({@link SlowJavaRevision})
 * runs on PostgreSQL: the rows it changed and its history row go together, so the
 * database stays at the revision before it, and the next start runs it once.
 */
class JavaRevisionCrashScenarioIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration RESTART_LIMIT = Duration.ofSeconds(30);

	@TempDir
	Path temp;

	private ScenarioDatabase db;

	private RevisionDirectory revisions;

	private final List<ScenarioProcess> processes = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.db = ScenarioDatabase.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""").add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id),
				    name VARCHAR(100) NOT NULL);
				INSERT INTO projects (id, account_id, name) VALUES (1, 1, 'Analytical engine');
				""").add("003_create_invoices.sql", """
				CREATE TABLE invoices (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects (id),
				    amount NUMERIC(12, 2) NOT NULL);
				INSERT INTO invoices (id, project_id, amount) VALUES (1, 1, 100.00);
				""");
	}

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ScenarioProcess::close);
	}

	@Test
	void killedDuringAJavaRevisionLeavesNoHalfRevision() {
		ScenarioProcess migrating = start("java-slow-004");
		Await.until(START_TIMEOUT, "Java revision 004 has changed its rows and sleeps",
				() -> this.db.isRunning("java-slow-004", "pg_sleep") && this.db.recordedRevisions().contains("003"),
				migrating::output);
		migrating.kill();
		assertThat(this.db.recordedRevisions()).containsExactly("001", "002", "003");
		assertThat(this.db.jdbc().queryForObject("SELECT name FROM accounts WHERE id = 1", String.class))
			.isEqualTo("Ada");
		assertThat(this.db.rows("invoices")).isOne();
		ScenarioProcess restarted = start("restart");
		restarted.awaitReady(RESTART_LIMIT);
		assertThat(restarted.awaitExit(START_TIMEOUT)).as("exit status of the restarted application").isZero();
		assertThat(restarted.output()).contains("Applying 004 mark customers (1/1)");
		assertThat(this.db.recordedRevisions()).containsExactly("001", "002", "003", "004");
		assertThat(this.db.jdbc().queryForObject("SELECT name FROM accounts WHERE id = 1", String.class))
			.isEqualTo("Ada (customer)");
		assertThat(this.db.rows("invoices")).isEqualTo(2);
	}

	private ScenarioProcess start(String name) {
		List<String> arguments = new ArrayList<>(this.db.datasourceArguments(name));
		arguments.add("--migrations.location=" + this.revisions.location());
		arguments.add("--scenario.java-revision=true");
		ScenarioProcess process = ScenarioProcess.start("java-revision-" + name, arguments);
		this.processes.add(process);
		return process;
	}

}
