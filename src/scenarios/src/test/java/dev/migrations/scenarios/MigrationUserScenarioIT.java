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
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that runs with a DML-only PostgreSQL user and migrates through a
 * connection of its own ({@code migrations.url}, {@code migrations.user},
 * {@code migrations.password}) as a DDL-privileged user.
 */
class MigrationUserScenarioIT {

	@TempDir
	Path temp;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String owner = "scenario_owner_" + this.suffix;

	private final String ownerPassword = "Owner-Secret-" + this.suffix;

	private final String appUser = "scenario_app_" + this.suffix;

	private final String appPassword = "App-Secret-" + this.suffix;

	private ScenarioDatabase db;

	@AfterEach
	void dropRoles() {
		if (this.db != null) {
			// Roles belong to the whole server, which may be shared
			// (MIGRATIONS_TEST_POSTGRES_URL).
			for (String role : List.of(this.appUser, this.owner)) {
				this.db.jdbc().execute("DROP OWNED BY " + role);
				this.db.jdbc().execute("DROP ROLE " + role);
			}
		}
	}

	@Test
	void migratesAsTheMigrationUserWhileTheApplicationUsesItsOwnUser() {
		this.db = ScenarioDatabase.postgres();
		this.db.jdbc().execute("CREATE ROLE " + this.owner + " LOGIN PASSWORD '" + this.ownerPassword + "'");
		this.db.jdbc().execute("CREATE ROLE " + this.appUser + " LOGIN PASSWORD '" + this.appPassword + "'");
		this.db.jdbc().execute("GRANT USAGE, CREATE ON SCHEMA public TO " + this.owner);
		this.db.jdbc().execute("GRANT USAGE ON SCHEMA public TO " + this.appUser);
		this.db.jdbc()
			.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + this.owner + " IN SCHEMA public "
					+ "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + this.appUser);
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", """
					CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
					INSERT INTO accounts (id, name) VALUES (1, 'Ada');
					""");
		List<String> arguments = List.of("--spring.datasource.url=" + this.db.url("scenario-app"),
				"--spring.datasource.username=" + this.appUser, "--spring.datasource.password=" + this.appPassword,
				"--migrations.url=" + this.db.url("scenario-migrations"), "--migrations.user=" + this.owner,
				"--migrations.password=" + this.ownerPassword, "--migrations.location=" + revisions.location(),
				"--logging.level.dev.migrations=DEBUG",
				"--scenario.sql=INSERT INTO accounts (id, name) VALUES (2, 'written by the application')");
		try (ScenarioProcess app = ScenarioProcess.start("migration-user", arguments)) {
			app.awaitReady(Duration.ofSeconds(60));
			assertThat(app.awaitExit(Duration.ofSeconds(60))).as("exit status").isZero();
			assertThat(app.output()).contains(ScenarioApp.SQL_DONE)
				.doesNotContain(this.ownerPassword)
				.doesNotContain(this.appPassword);
		}
		assertThat(this.db.jdbc()
			.queryForList("SELECT tablename || ' ' || tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
					String.class))
			.containsExactly("accounts " + this.owner, "databasechangelog " + this.owner);
		assertThat(this.db.rows("accounts")).isEqualTo(2);
		assertThat(this.db.recordedRevisions()).containsExactly("001");
	}

}
