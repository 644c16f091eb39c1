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

package dev.migrations.internal.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.Backup;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Above {@code migrations.backup.max-size} a PostgreSQL database is not dumped whole
 * before a migration: the tables the pending revisions write to are (with the schema of
 * every table), restorable with {@code pg_restore}; or none, with a warning, or a failure
 * before writing when the backup is required. The {@code backup} command dumps the whole
 * database whatever its size. Needs {@code pg_dump} and {@code pg_restore}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresBackupSizeTests {

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.postgres();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations")).add("001_create_tables.sql", """
				CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));
				CREATE TABLE projects (id INTEGER PRIMARY KEY, title VARCHAR(100));
				""");
		migrator(false, null).migrate();
		this.db.jdbc().update("INSERT INTO users VALUES (1, 'Ada'), (2, 'Grace')");
		this.db.jdbc().update("INSERT INTO projects VALUES (1, 'Engine')");
		this.revisions.add("002_shout_names.sql", "UPDATE users SET name = upper(name);");
	}

	@Test
	void databaseAboveMaxSizeGetsATablesOnlyBackupThatPgRestoreRestores(CapturedOutput output) throws Exception {
		RunReport report = migrator(true, 1024L * 1024).migrate();
		assertThat(report.backup()).isNotNull();
		assertThat(output).contains("the schema of every table and the data of the tables the pending revisions "
				+ "write to: public.databasechangelog, public.users");
		TestDatabase restored = restore(Path.of(report.backup()));
		assertThat(restored.jdbc().queryForList("SELECT id, name FROM users ORDER BY id"))
			.isEqualTo(List.of(Map.of("id", 1, "name", "Ada"), Map.of("id", 2, "name", "Grace")));
		assertThat(restored.jdbc().queryForObject("SELECT count(*) FROM projects", Integer.class)).isZero();
		assertThat(restored.history()).extracting((row) -> row.get("ID")).containsExactly("001");
	}

	@Test
	void requiredBackupTooLargeForStartupFailsBeforeWritingAndNamesTheBackupCommand() {
		this.db.jdbc().update("INSERT INTO users SELECT i, 'user ' || i FROM generate_series(3, 20000) AS i");
		assertThatExceptionOfType(BackupFailedException.class).isThrownBy(() -> migrator(true, 64L * 1024).migrate())
			.withMessageContaining("and the tables the pending revisions write to (public.databasechangelog, "
					+ "public.users) alone are")
			.withMessageContaining("above migrations.backup.max-size (64 kB)")
			.withMessageContaining("Nothing was written to the database")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("--migrations.command=backup"));
		assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001");
	}

	@Test
	void optionalBackupTooLargeForStartupWarnsAndMigrates(CapturedOutput output) {
		this.db.jdbc().update("INSERT INTO users SELECT i, 'user ' || i FROM generate_series(3, 20000) AS i");
		RunReport report = migrator(false, 64L * 1024).migrate();
		assertThat(report.backup()).isNull();
		assertThat(output).contains("No backup taken before migrating").contains("above migrations.backup.max-size");
		assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
	}

	@Test
	void backupCommandDumpsTheWholeDatabaseWhateverItsSizeAndLogsProgress(CapturedOutput output) throws Exception {
		Migrator migrator = migrator(true, 1024L);
		Backup backup = migrator.backup();
		assertThat(backup.file().getFileName().toString()).contains("-001-to-backup-");
		assertThat(output).contains("Backup of ").contains("in progress: ");
		TestDatabase restored = restore(backup.file());
		assertThat(restored.jdbc().queryForObject("SELECT count(*) FROM projects", Integer.class)).isOne();
		assertThat(this.db.history()).hasSize(1);
	}

	private Migrator migrator(boolean required, Long maxSize) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		DatabaseBackups backups = new DatabaseBackups(
				new BackupSettings(true, required, this.temp.resolve("migration-backups"), 10, "pg_dump", null,
						this.db.url(), this.db.user(), this.db.password()));
		backups.setMaxSize(maxSize);
		backups.setProgressInterval(Duration.ofMillis(5));
		return new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader, backups);
	}

	private static TestDatabase restore(Path file) throws IOException, InterruptedException {
		TestDatabase restored = TestDatabases.postgres();
		String database = restored.url().substring(restored.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		URI uri = URI.create(restored.url().substring(5));
		ProcessBuilder restore = new ProcessBuilder("pg_restore", "--no-owner", "--host=" + uri.getHost(),
				"--port=" + uri.getPort(), "--username=" + restored.user(), "--dbname=" + database,
				file.toAbsolutePath().toString())
			.redirectErrorStream(true);
		restore.environment().put("PGPASSWORD", restored.password());
		Process process = restore.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		return restored;
	}

}
