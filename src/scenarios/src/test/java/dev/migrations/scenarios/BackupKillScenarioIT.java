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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application killed with SIGKILL while {@code pg_dump} takes the pre-migration
 * backup: the {@code pg_dump} child ends with it instead of running on its own, the
 * interrupted backup is left as a {@code .partial} file only, and the next start
 * migrates. {@code pg_dump} is held up by a test session that locks a table it must read.
 */
class BackupKillScenarioIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path temp;

	private ScenarioDatabase db;

	private RevisionDirectory revisions;

	private String testName;

	private Path backups;

	private final List<ScenarioProcess> processes = new ArrayList<>();

	@BeforeEach
	void setUp(TestInfo test) {
		this.testName = test.getTestMethod().orElseThrow().getName();
		this.db = ScenarioDatabase.postgres();
		this.backups = this.temp.resolve("backups");
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_accounts.sql", """
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				""");
	}

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ScenarioProcess::close);
	}

	@Test
	void killedDuringTheBackupTakesPgDumpWithIt() throws Exception {
		ScenarioProcess first = start("first");
		first.awaitReady(START_TIMEOUT);
		assertThat(first.awaitExit(START_TIMEOUT)).isZero();
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		try (Connection holder = this.db.database().connect()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			}
			ScenarioProcess migrating = start("killed-during-backup");
			Await.until(START_TIMEOUT, "pg_dump waits for the lock on accounts", () -> pgDumpSessions() > 0,
					migrating::output);
			assertThat(pgDumpProcesses()).as("pg_dump processes writing into " + this.backups).isNotEmpty();
			migrating.kill();
			Await.until(Duration.ofSeconds(10), "pg_dump ends with the killed application",
					() -> pgDumpProcesses().isEmpty() && pgDumpSessions() == 0,
					() -> "still running: " + pgDumpProcesses());
			holder.rollback();
		}
		assertThat(backupFiles()).singleElement().satisfies((file) -> assertThat(file).endsWith(".dump.partial"));
		assertThat(this.db.recordedRevisions()).containsExactly("001");
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog");
		ScenarioProcess restarted = start("restart");
		restarted.awaitReady(START_TIMEOUT);
		assertThat(restarted.awaitExit(START_TIMEOUT)).isZero();
		assertThat(this.db.recordedRevisions()).containsExactly("001", "002");
		assertThat(backupFiles()).hasSize(2).anySatisfy((file) -> assertThat(file).matches(".*-001-to-002-.*\\.dump"));
	}

	private int pgDumpSessions() {
		return this.db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND application_name = 'pg_dump'",
					Integer.class, this.db.name());
	}

	private List<String> pgDumpProcesses() {
		String directory = this.backups.toAbsolutePath().toString();
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.map((process) -> process.info().commandLine().orElse(""))
			.filter((command) -> command.contains("pg_dump") && command.contains(directory))
			.toList();
	}

	private List<String> backupFiles() throws IOException {
		if (!Files.exists(this.backups)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.backups)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private ScenarioProcess start(String name) {
		List<String> arguments = new ArrayList<>(this.db.datasourceArguments(name));
		arguments.add("--migrations.location=" + this.revisions.location());
		arguments.add("--migrations.backup.directory=" + this.backups.toAbsolutePath());
		arguments.add("--migrations.backup.required=true");
		ScenarioProcess process = ScenarioProcess.start(this.testName + "-" + name, arguments);
		this.processes.add(process);
		return process;
	}

}
