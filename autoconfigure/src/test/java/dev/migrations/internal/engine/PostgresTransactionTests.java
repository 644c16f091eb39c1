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

package dev.migrations.internal.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On PostgreSQL a revision's statements and its history rows commit together; change sets
 * that cannot run in a transaction are the exception, and are reported as such. Crashes
 * are covered by the scenario tests in {@code src/scenarios}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresTransactionTests {

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));");
	}

	@Test
	void failingStatementLeavesNoneOfTheRevisionBehind() {
		this.revisions.add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY);
				INSERT INTO accounts (id, name) VALUES (1, 'Ada');
				INSERT INTO accounts (id, name) VALUES (1, 'Ada again');
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate());
		assertThat(this.db.tables()).containsExactly("accounts", "databasechangelog");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM accounts", Integer.class)).isZero();
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001");
	}

	@Test
	void nonTransactionalRevisionRunsOutsideTheTransactionAndIsReported(CapturedOutput output) {
		this.revisions.add("002_index_account_names.sql", """
				-- transactional: false
				CREATE INDEX CONCURRENTLY accounts_name ON accounts (name);
				""");
		migrator().migrate();
		assertThat(this.db.jdbc()
			.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_name'::regclass",
					Boolean.class))
			.isTrue();
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002");
		assertThat(output).contains("Revision 002 runs change sets outside its transaction (runInTransaction: false)");
	}

	private Migrator migrator() {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

}
