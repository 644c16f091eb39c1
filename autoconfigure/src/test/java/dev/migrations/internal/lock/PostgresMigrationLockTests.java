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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrators of one JVM working on one PostgreSQL database at the same time. Separate
 * processes (crashes, several instances, lock timeouts) are covered by the scenario tests
 * in {@code src/scenarios}.
 */
class PostgresMigrationLockTests {

	@TempDir
	Path temp;

	@Test
	void migratorsOfOneJvmApplyEachRevisionOnceAndReleaseTheAdvisoryLock() throws Exception {
		TestDatabase db = TestDatabases.postgres();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);")
			.add("002_create_projects.sql", """
					CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id));
					SELECT pg_sleep(0.5);
					""")
			.add("003_add_project_name.sql", "ALTER TABLE projects ADD COLUMN name VARCHAR(100);");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		List<Migrator> migrators = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			migrators.add(new Migrator(db.dataSource(), RevisionSource.directory(revisions.location(), loader),
					MigrationSettings.defaults(), loader));
		}
		List<RunReport> reports = ConcurrentMigrators.migrate(migrators);
		assertThat(reports).flatMap(RunReport::applied).containsExactlyInAnyOrder("001", "002", "003");
		assertThat(db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002", "003");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class))
			.isZero();
	}

}
