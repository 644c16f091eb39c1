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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.jpascenario.JpaScenarioApp;
import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JPA application with {@code ddl-auto=validate} whose database is behind its entities:
 * a deploy step runs {@code check} and {@code upgrade} from the application itself,
 * without JPA starting (it would refuse the old schema), and the application then starts
 * on the migrated database.
 */
class JpaCommandScenarioIT {

	@TempDir
	Path temp;

	private final List<ScenarioProcess> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ScenarioProcess::close);
	}

	@Test
	void jpaApplicationBehindItsDatabaseRunsCheckAndUpgradeThenStarts() {
		ScenarioDatabase db = ScenarioDatabase.postgres();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", """
					CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
					INSERT INTO accounts (id, name) VALUES (1, 'Ada'), (2, 'Grace');
					""")
			.add("002_add_account_email.sql", "ALTER TABLE accounts ADD COLUMN email VARCHAR(200);");
		assertThat(start("jpa-upgrade-001", db, revisions, "--migrations.command=upgrade 001").awaitExit(timeout()))
			.isZero();
		ScenarioProcess check = start("jpa-check", db, revisions, "--migrations.command=check");
		assertThat(check.awaitExit(timeout())).as(check.output()).isEqualTo(2);
		assertThat(check.output()).contains("1 revision(s) pending up to the target head: 002")
			.doesNotContain("Schema validation", "HHH");
		ScenarioProcess upgrade = start("jpa-upgrade", db, revisions, "--migrations.command=upgrade");
		assertThat(upgrade.awaitExit(timeout())).as(upgrade.output()).isZero();
		assertThat(upgrade.output()).contains("Applied 002", "SUCCESS: revision 001 -> 002")
			.doesNotContain(ScenarioApp.READY, "HHH");
		assertThat(db.recordedRevisions()).containsExactly("001", "002");
		ScenarioProcess app = start("jpa-app", db, revisions, "--migrations.mode=validate");
		app.awaitReady(timeout());
		assertThat(app.awaitExit(timeout())).isZero();
		assertThat(app.output()).contains("ACCOUNTS=2");
	}

	private ScenarioProcess start(String name, ScenarioDatabase db, RevisionDirectory revisions, String argument) {
		List<String> arguments = new ArrayList<>(db.datasourceArguments(name));
		arguments.add("--migrations.location=" + revisions.location());
		// This application is the JPA one: the exclusion that keeps ScenarioApp JDBC-only
		// is cleared.
		arguments.add("--spring.autoconfigure.exclude=");
		arguments.add("--spring.jpa.hibernate.ddl-auto=validate");
		arguments.add(argument);
		ScenarioProcess process = ScenarioProcess.start(name, JpaScenarioApp.class, arguments);
		this.processes.add(process);
		return process;
	}

	private static Duration timeout() {
		return Duration.ofSeconds(180);
	}

}
