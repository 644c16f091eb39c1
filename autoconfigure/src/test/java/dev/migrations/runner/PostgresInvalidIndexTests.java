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

package dev.migrations.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@code CREATE INDEX CONCURRENTLY} that fails leaves an INVALID index: the failure
 * names it, and the next start refuses to run the revision again (even with
 * {@code IF NOT EXISTS}) until it is dropped, naming the statement to run.
 */
class PostgresInvalidIndexTests {

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));");
		migrator().migrate();
		this.db.jdbc().update("INSERT INTO accounts VALUES (1, 'Ada'), (2, 'Ada')");
		this.revisions.add("002_unique_account_names.sql", """
				-- transactional: false
				CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_name ON accounts (name);
				""");
	}

	@Test
	void failedConcurrentIndexBuildNamesTheInvalidIndexItLeft() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 unique account names")
			.withMessageContaining("It left the INVALID index(es) public.accounts_name (pg_index.indisvalid = false)")
			.satisfies((ex) -> assertThat(ex.getAction())
				.startsWith("Drop it: DROP INDEX CONCURRENTLY public.accounts_name;"));
		assertThat(indexIsValid()).isFalse();
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001");
	}

	@Test
	void nextStartRefusesToRunTheRevisionAgainUntilTheInvalidIndexIsDropped() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate());
		this.db.jdbc().update("UPDATE accounts SET name = 'Grace' WHERE id = 2");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("failed before: it left the INVALID index(es) public.accounts_name")
			.withMessageContaining("Nothing was written: the database is at revision 001")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("DROP INDEX CONCURRENTLY public.accounts_name;"));
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001");
		this.db.jdbc().execute("DROP INDEX CONCURRENTLY public.accounts_name");
		migrator().migrate();
		assertThat(indexIsValid()).isTrue();
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002");
	}

	private boolean indexIsValid() {
		return this.db.jdbc()
			.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_name'::regclass",
					Boolean.class);
	}

	private Migrator migrator() {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

}
