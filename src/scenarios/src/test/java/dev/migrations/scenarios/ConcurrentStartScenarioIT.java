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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of an application started at the same moment on one empty PostgreSQL
 * database, as a rolling or scaled-out deployment does: every instance finds work to do,
 * all but one wait for the lock, all of them start, and each revision is applied by
 * exactly one of them.
 */
class ConcurrentStartScenarioIT {

	private static final int INSTANCES = 4;

	private static final Pattern APPLYING = Pattern.compile("Applying (\\d{3}) ");

	/**
	 * Holds the first instance in the middle of revision 002 until every instance is
	 * connected (the JVMs do not start equally fast), then long enough for all of them to
	 * be waiting for the lock: they really race.
	 */
	private static final String AWAIT_INSTANCES = """
			DO $$
			BEGIN
			    FOR attempt IN 1..600 LOOP
			        -- pg_stat_activity is read once per transaction unless told otherwise
			        PERFORM pg_stat_clear_snapshot();
			        EXIT WHEN (SELECT count(DISTINCT application_name) FROM pg_stat_activity
			            WHERE datname = current_database() AND application_name LIKE 'instance-%%') >= %d;
			        PERFORM pg_sleep(0.1);
			    END LOOP;
			END $$;
			SELECT pg_sleep(2);
			""";

	@TempDir
	Path temp;

	private final List<ScenarioProcess> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ScenarioProcess::close);
	}

	@Test
	void instancesStartedTogetherAllStartAndApplyEachRevisionOnce() {
		ScenarioDatabase db = ScenarioDatabase.postgres();
		RevisionDirectory revisions = revisions(INSTANCES);
		for (int i = 1; i <= INSTANCES; i++) {
			String name = "instance-" + i;
			List<String> arguments = new ArrayList<>(db.datasourceArguments(name));
			arguments.add("--migrations.location=" + revisions.location());
			this.processes.add(ScenarioProcess.start("concurrent-" + name, arguments));
		}
		List<String> applied = new ArrayList<>();
		int waited = 0;
		for (ScenarioProcess process : this.processes) {
			process.awaitReady(Duration.ofSeconds(120));
			assertThat(process.awaitExit(Duration.ofSeconds(60))).as("exit status of " + process.name()).isZero();
			waited += considered(process, applied);
		}
		assertThat(waited).as("instances that waited for the lock").isEqualTo(INSTANCES - 1);
		assertAppliedOnce(db, applied);
	}

	/**
	 * A deploy step's {@code upgrade} command and two application instances started at
	 * the same moment: the command takes the same lock, so each revision is applied once,
	 * by one of the three.
	 */
	@Test
	void upgradeCommandAndInstancesStartedTogetherApplyEachRevisionOnce() {
		ScenarioDatabase db = ScenarioDatabase.postgres();
		RevisionDirectory revisions = revisions(3);
		List<String> command = new ArrayList<>(db.datasourceArguments("instance-1"));
		command.add("--migrations.location=" + revisions.location());
		command.add("--migrations.command=upgrade");
		ScenarioProcess upgrade = ScenarioProcess.start("concurrent-command", command);
		this.processes.add(upgrade);
		for (int i = 2; i <= 3; i++) {
			List<String> arguments = new ArrayList<>(db.datasourceArguments("instance-" + i));
			arguments.add("--migrations.location=" + revisions.location());
			this.processes.add(ScenarioProcess.start("concurrent-with-command-" + i, arguments));
		}
		List<String> applied = new ArrayList<>();
		int waited = 0;
		for (ScenarioProcess process : this.processes) {
			if (process == upgrade) {
				assertThat(process.awaitExit(Duration.ofSeconds(180))).as("exit status of the command").isZero();
				// Whether the command or an instance applied the revisions, the command
				// reports its run and exits.
				assertThat(process.output()).doesNotContain(ScenarioApp.READY)
					.containsPattern("(SUCCESS|UP_TO_DATE): revision \\S+ -> 005");
			}
			else {
				process.awaitReady(Duration.ofSeconds(180));
				assertThat(process.awaitExit(Duration.ofSeconds(60))).as("exit status of " + process.name()).isZero();
			}
			waited += considered(process, applied);
		}
		assertThat(waited).as("processes that waited for the lock").isEqualTo(2);
		assertAppliedOnce(db, applied);
	}

	private RevisionDirectory revisions(int processes) {
		return RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", """
					CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
					INSERT INTO accounts (id, name) VALUES (1, 'Ada');
					""")
			.add("002_create_projects.sql",
					"""
							CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id));
							INSERT INTO projects (id, account_id) VALUES (1, 1);
							"""
							+ AWAIT_INSTANCES.formatted(processes))
			.add("003_add_project_name.sql", "ALTER TABLE projects ADD COLUMN name VARCHAR(100);")
			.add("004_create_invoices.sql",
					"""
							CREATE TABLE invoices (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects (id));
							INSERT INTO invoices (id, project_id) VALUES (1, 1);
							""")
			.add("005_index_invoices.sql", "CREATE INDEX invoices_project ON invoices (project_id);");
	}

	/**
	 * Collects the revisions a process applied; answers 1 if it waited for the lock.
	 */
	private static int considered(ScenarioProcess process, List<String> applied) {
		String output = process.output();
		// Read before the lock, the database shows pending revisions, or 001's tables
		// with a history that was
		// still empty an instant before: either way the process has work to consider, and
		// decides under the lock.
		assertThat(output).as("output of " + process.name())
			.containsAnyOf(" to apply, ", "deciding under the migration lock");
		Matcher matcher = APPLYING.matcher(output);
		while (matcher.find()) {
			applied.add(matcher.group(1));
		}
		return output.contains("Waiting for the migration lock") ? 1 : 0;
	}

	private static void assertAppliedOnce(ScenarioDatabase db, List<String> applied) {
		assertThat(applied).as("revisions applied by all processes together")
			.containsExactlyInAnyOrder("001", "002", "003", "004", "005");
		assertThat(db.recordedRevisions()).containsExactly("001", "002", "003", "004", "005");
		assertThat(db.recordedChangeSets()).doesNotHaveDuplicates().hasSize(5);
		assertThat(db.rows("accounts")).isOne();
		assertThat(db.rows("projects")).isOne();
		assertThat(db.rows("invoices")).isOne();
		assertThat(db.lockHolder()).isNull();
	}

}
