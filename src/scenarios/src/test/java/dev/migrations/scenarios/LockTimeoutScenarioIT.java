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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that cannot take the migration lock on PostgreSQL within
 * {@code migrations.lock.timeout} fails to start, and its failure names the session that
 * holds the lock.
 */
class LockTimeoutScenarioIT {

	@TempDir
	Path temp;

	@Test
	void lockHeldTooLongFailsTheStartNamingTheHolder() throws Exception {
		ScenarioDatabase db = ScenarioDatabase.postgres();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);");
		List<String> arguments = new ArrayList<>(db.datasourceArguments("scenario-waiting"));
		arguments.add("--migrations.location=" + revisions.location());
		arguments.add("--migrations.lock.timeout=2s");
		try (ScenarioDatabase.LockHolder holder = db.holdLock("scenario-lock-holder");
				ScenarioProcess waiting = ScenarioProcess.start("lock-timeout", arguments)) {
			assertThat(waiting.awaitExit(Duration.ofSeconds(90))).as("exit status").isNotZero();
			assertThat(waiting.output()).contains("APPLICATION FAILED TO START")
				.contains("within 2 s (migrations.lock.timeout)")
				.contains("pid " + holder.pid())
				.contains("'scenario-lock-holder'")
				.contains("since")
				.contains("pg_terminate_backend");
			assertThat(db.lockHolder()).isEqualTo(holder.pid());
		}
		assertThat(db.tables()).isEmpty();
	}

}
