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

package dev.migrations.internal.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.OutputFormat;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.PostgresSettings;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --locks} measures what pending revisions lock and rewrite in a scratch
 * database, reports it against the live tables' sizes, fails (exit 2) for a revision that
 * blocks writes to a large table while it reads or rewrites it, and leaves the live
 * database untouched.
 */
class PostgresLockCheckCommandTests {

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_time_entries.sql",
					"CREATE TABLE time_entries (id INTEGER PRIMARY KEY, minutes INTEGER, note TEXT);");
		migrator(1000).upgrade(dev.migrations.runner.Target.HEAD);
		this.db.jdbc()
			.update("INSERT INTO time_entries SELECT i, i % 60, 'note ' || i FROM generate_series(1, 2000) AS i");
		this.db.jdbc().execute("ANALYZE time_entries");
	}

	@Test
	void typeChangeAndVolatileDefaultTakeAccessExclusiveAndRewriteALargeTable() {
		this.revisions.add("002_widen_minutes.sql", """
				ALTER TABLE time_entries ALTER COLUMN minutes TYPE BIGINT;
				ALTER TABLE time_entries ADD COLUMN created TIMESTAMPTZ DEFAULT clock_timestamp();
				""");
		Result check = run(1000);
		assertThat(check.status()).isEqualTo(2);
		assertThat(check.output())
			.contains("002 statement 1 takes ACCESS EXCLUSIVE on public.time_entries and rewrites it (≈2.0 k rows, ")
			.contains("blocks reads and writes for as long as that takes. Safer: expand/contract")
			.contains("002 statement 2 takes ACCESS EXCLUSIVE on public.time_entries and rewrites it")
			.contains("without the volatile default")
			.contains("Locks: 1 pending revision(s) would block writes");
		assertLiveDatabaseUntouched();
		assertThat(this.db.jdbc()
			.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_name = 'time_entries' AND "
					+ "column_name = 'minutes'", String.class))
			.isEqualTo("integer");
	}

	@Test
	void plainCreateIndexTakesShareWhichBlocksWritesWhileItReadsTheTable() {
		this.revisions.add("002_index_minutes.sql", "CREATE INDEX time_entries_minutes ON time_entries (minutes);");
		Result check = run(1000);
		assertThat(check.status()).isEqualTo(2);
		assertThat(check.output())
			.contains("002 statement 1 takes SHARE on public.time_entries and reads all of it (≈2.0 k rows")
			.contains(": blocks writes for as long as that takes. Safer: CREATE INDEX CONCURRENTLY");
		assertLiveDatabaseUntouched();
	}

	@Test
	void concurrentIndexAndNotValidConstraintBlockNothing() {
		this.revisions.add("002_index_minutes.sql", """
				-- transactional: false
				CREATE INDEX CONCURRENTLY time_entries_minutes ON time_entries (minutes);
				""")
			.add("003_positive_minutes.sql",
					"ALTER TABLE time_entries ADD CONSTRAINT minutes_positive CHECK (minutes >= 0) NOT VALID;");
		Result check = run(1000);
		assertThat(check.output()).contains("002 not measured: runs outside a transaction ('-- transactional: false')")
			.contains("SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes")
			.contains("003 statement 1 takes ACCESS EXCLUSIVE on public.time_entries (≈2.0 k rows")
			.contains("held briefly (no scan, no rewrite)")
			.contains("Locks: no pending revision blocks writes");
		assertThat(check.status()).isZero();
		assertLiveDatabaseUntouched();
	}

	@Test
	void validatingConstraintIsReportedWithTheNotValidPattern() {
		this.revisions.add("002_positive_minutes.sql",
				"ALTER TABLE time_entries ADD CONSTRAINT minutes_positive CHECK (minutes >= 0);");
		Result check = run(1000);
		assertThat(check.status()).isEqualTo(2);
		assertThat(check.output()).contains("takes ACCESS EXCLUSIVE on public.time_entries and reads all of it")
			.contains("NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT");
	}

	@Test
	void revisionWhoseHeaderAcceptsItsLocksPasses() {
		this.revisions.add("002_widen_minutes.sql", """
				-- locks: accepted
				ALTER TABLE time_entries ALTER COLUMN minutes TYPE BIGINT;
				""");
		Result check = run(1000);
		assertThat(check.output()).contains("and rewrites it")
			.contains("[accepted by the revision's header '-- locks: accepted']");
		assertThat(check.status()).isZero();
	}

	@Test
	void rewriteOfATableBelowTheLargeTableThresholdPasses() {
		this.revisions.add("002_widen_minutes.sql", "ALTER TABLE time_entries ALTER COLUMN minutes TYPE BIGINT;");
		Result check = run(100_000);
		assertThat(check.output()).contains(
				"002 statement 1 takes ACCESS EXCLUSIVE on public.time_entries and " + "rewrites it (≈2.0 k rows");
		assertThat(check.status()).isZero();
	}

	@Test
	void upgradeSqlWithLocksHeadsThePreviewWithWhatItLocks() {
		this.revisions.add("002_index_minutes.sql", "CREATE INDEX time_entries_minutes ON time_entries (minutes);");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = new MigrationsCommand(migrator(1000), OutputFormat.TEXT,
				new PrintStream(bytes, true, StandardCharsets.UTF_8))
			.run(CommandLine.parse("upgrade --sql --locks"));
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(output).contains("-- 002 statement 1 takes SHARE on public.time_entries and reads all of it")
			.contains("CREATE INDEX time_entries_minutes ON time_entries (minutes)");
		assertThat(output.indexOf("-- 002 statement 1")).isLessThan(output.indexOf("CREATE INDEX"));
		assertLiveDatabaseUntouched();
	}

	@Test
	void startupRefusesARevisionThatBlocksALargeTableWhenAskedTo() {
		this.revisions.add("002_index_minutes.sql", "CREATE INDEX time_entries_minutes ON time_entries (minutes);");
		Migrator migrator = migrator(1000);
		migrator.setPostgresSettings(largeTables(1000, true));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.migrations.MigrationException.class)
			.isThrownBy(migrator::migrate)
			.withMessageContaining("migrations.postgresql.refuse-blocking-locks=true")
			.withMessageContaining("002 statement 1 takes SHARE on public.time_entries");
		assertLiveDatabaseUntouched();
		this.revisions.add("002_index_minutes.sql", """
				-- locks: accepted
				CREATE INDEX time_entries_minutes ON time_entries (minutes);
				""");
		Migrator accepted = migrator(1000);
		accepted.setPostgresSettings(largeTables(1000, true));
		accepted.migrate();
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001", "002");
	}

	private void assertLiveDatabaseUntouched() {
		assertThat(this.db.history()).extracting((row) -> row.get("TAG")).containsExactly("001");
		assertThat(this.db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_indexes WHERE tablename = 'time_entries'", Integer.class)).isOne();
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM time_entries", Integer.class)).isEqualTo(2000);
		assertThat(this.db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrations_scratch%'", Integer.class))
			.isZero();
	}

	private Migrator migrator(long largeTableRows) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(this.db.dataSource(),
				RevisionSource.directory(this.revisions.location(), loader), MigrationSettings.defaults(), loader);
		migrator.setPostgresSettings(largeTables(largeTableRows, false));
		return migrator;
	}

	private Result run(long largeTableRows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = new MigrationsCommand(migrator(largeTableRows), OutputFormat.TEXT,
				new PrintStream(bytes, true, StandardCharsets.UTF_8))
			.run(CommandLine.parse("check --locks"));
		return new Result(status, bytes.toString(StandardCharsets.UTF_8));
	}

	private static PostgresSettings largeTables(long rows, boolean refuseBlockingLocks) {
		PostgresSettings defaults = PostgresSettings.defaults();
		return new PostgresSettings(defaults.lockTimeout(), defaults.lockRetries(), defaults.statementTimeout(),
				defaults.lockRetryBackoff(), rows, refuseBlockingLocks);
	}

	private record Result(int status, String output) {
	}

}
