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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.AdoptionSource;
import dev.migrations.runner.DriftCheckMode;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.runner.SchemaChecks;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backups before a migration writes, restored with the database's own tools, on an H2
 * file database and on PostgreSQL ({@code pg_dump} must be installed; {@code .ci/run}
 * installs it).
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupTests {

	@TempDir
	Path temp;

	Path backups;

	RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.backups = this.temp.resolve("migration-backups");
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));");
	}

	TestDatabase h2File() {
		return new TestDatabase("h2",
				"jdbc:h2:file:" + this.temp.resolve("data/app").toAbsolutePath() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	Migrator migrator(TestDatabase db, BackupSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader, new DatabaseBackups(settings));
	}

	BackupSettings settings(TestDatabase db, boolean required, int keep, String pgDump) {
		return new BackupSettings(true, required, this.backups, keep, pgDump, null, db.url(), db.user(), db.password());
	}

	List<Path> backupFiles() throws IOException {
		if (!Files.exists(this.backups)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.backups)) {
			return files.sorted().toList();
		}
	}

	List<Map<String, Object>> users(TestDatabase db) {
		return db.jdbc().queryForList("SELECT id, name FROM users ORDER BY id");
	}

	@Test
	void h2BackupBeforeAChangeRestoresThePreviousDatabase() throws IOException {
		TestDatabase db = h2File();
		Migrator first = migrator(db, settings(db, true, 10, "pg_dump"));
		assertThat(first.migrate().backup()).as("nothing to back up in an empty database").isNull();
		db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Zoë')");
		List<Map<String, Object>> before = users(db);
		this.revisions.add("002_drop_names.sql", "ALTER TABLE users DROP COLUMN name;");
		RunReport report = migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		assertThat(report.backup()).isNotNull();
		Path file = Path.of(report.backup());
		assertThat(file.getFileName().toString()).matches("app-001-to-002-\\d{8}-\\d{6}\\.sql\\.gz");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		TestDatabase restored = TestDatabases.h2();
		restored.jdbc().execute("RUNSCRIPT FROM '" + file.toAbsolutePath() + "' COMPRESSION GZIP");
		assertThat(users(restored)).isEqualTo(before);
		assertThat(restored.history()).extracting((row) -> row.get("ID")).containsExactly("001");
	}

	@Test
	void h2RestoreInPlaceWithThePrintedCommandLeavesNoHeldMigrationLock(CapturedOutput output) throws IOException {
		TestDatabase db = h2File();
		migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada')");
		List<Map<String, Object>> before = users(db);
		this.revisions.add("002_create_projects.sql",
				"CREATE TABLE projects (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id));"
						+ "INSERT INTO projects VALUES (1, 1);");
		RunReport report = migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		String restore = output.getAll()
			.lines()
			.filter((line) -> line.contains("taken before migrating: " + report.backup()))
			.map((line) -> line.substring(line.indexOf("(restore: ") + "(restore: ".length(),
					line.indexOf(" (in the database")))
			.findFirst()
			.orElseThrow();
		assertThat(restore).startsWith("DROP ALL OBJECTS; RUNSCRIPT FROM '");
		for (String statement : restore.split("; ")) {
			db.jdbc().execute(statement);
		}
		assertThat(users(db)).isEqualTo(before);
		assertThat(db.tables()).doesNotContain("projects");
		assertThat(db.history()).extracting((row) -> row.get("ID")).containsExactly("001");
		assertThat(db.jdbc().queryForList("SELECT LOCKED FROM DATABASECHANGELOGLOCK", Boolean.class))
			.containsExactly(false);
		assertThat(migrator(db, settings(db, true, 10, "pg_dump")).migrate().applied()).containsExactly("002");
	}

	@Test
	void noBackupOnANoOpStartOrForAnInMemoryDatabase() throws IOException {
		TestDatabase file = h2File();
		migrator(file, settings(file, true, 10, "pg_dump")).migrate();
		RunReport noOp = migrator(file, settings(file, true, 10, "pg_dump")).migrate();
		assertThat(noOp.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		TestDatabase memory = TestDatabases.h2();
		migrator(memory, settings(memory, true, 10, "pg_dump")).migrate();
		this.revisions.add("002_more.sql", "CREATE TABLE more_data (id INTEGER);");
		assertThat(migrator(memory, settings(memory, true, 10, "pg_dump")).migrate().backup()).isNull();
		assertThat(backupFiles()).isEmpty();
	}

	@Test
	void retentionKeepsExactlyTheNewestBackupsAndOnlyTouchesItsOwnFiles() throws IOException {
		TestDatabase db = h2File();
		migrator(db, settings(db, false, 2, "pg_dump")).migrate();
		Files.createDirectories(this.backups);
		Path foreign = Files.writeString(this.backups.resolve("notes.txt"), "keep me");
		for (int i = 2; i <= 5; i++) {
			this.revisions.add("00" + i + "_table_" + i + ".sql", "CREATE TABLE t" + i + " (id INTEGER);");
			assertThat(migrator(db, settings(db, false, 2, "pg_dump")).migrate().backup()).isNotNull();
		}
		List<Path> files = backupFiles();
		assertThat(files).contains(foreign);
		assertThat(files).filteredOn((file) -> file.toString().endsWith(".sql.gz"))
			.extracting((file) -> file.getFileName().toString())
			.hasSize(2)
			.anyMatch((name) -> name.startsWith("app-003-to-004"))
			.anyMatch((name) -> name.startsWith("app-004-to-005"));
	}

	@Test
	void adoptingAFlywayDatabaseTakesTheBackupBeforeWritingTheHistory() throws IOException {
		TestDatabase db = h2File();
		Path flyway = Files.createDirectories(this.temp.resolve("flyway"));
		Files.writeString(flyway.resolve("V1__create_users.sql"),
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));");
		Flyway.configure()
			.dataSource(db.url(), db.user(), db.password())
			.locations("filesystem:" + flyway)
			.load()
			.migrate();
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		Migrator migrator = migrator(db, settings(db, true, 10, "pg_dump"));
		migrator.setSchemaChecks(new SchemaChecks(AdoptionSource.FLYWAY, DriftCheckMode.OFF, List.of()));
		migrator.migrate();
		Path adoption = backupFiles().stream()
			.filter((file) -> file.getFileName().toString().startsWith("app-flyway-to-001-"))
			.findFirst()
			.orElseThrow();
		String script = new String(new GZIPInputStream(Files.newInputStream(adoption)).readAllBytes());
		assertThat(script).contains("flyway_schema_history").doesNotContain("\"DATABASECHANGELOG\"(");
		assertThat(db.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
	}

	@Test
	void postgresBackupRestoresWithPgRestore() throws Exception {
		TestDatabase db = TestDatabases.postgres();
		migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'O''Brien')");
		List<Map<String, Object>> before = users(db);
		this.revisions.add("002_drop_names.sql", "ALTER TABLE users DROP COLUMN name;");
		RunReport report = migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		Path file = Path.of(report.backup());
		assertThat(file.getFileName().toString()).matches("test_.*-001-to-002-\\d{8}-\\d{6}\\.dump");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		TestDatabase restored = TestDatabases.postgres();
		String database = restored.url().substring(restored.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		java.net.URI uri = java.net.URI.create(restored.url().substring(5));
		ProcessBuilder restore = new ProcessBuilder("pg_restore", "--no-owner", "--host=" + uri.getHost(),
				"--port=" + uri.getPort(), "--username=" + restored.user(), "--dbname=" + database,
				file.toAbsolutePath().toString())
			.redirectErrorStream(true);
		restore.environment().put("PGPASSWORD", restored.password());
		Process process = restore.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(users(restored)).isEqualTo(before);
		assertThat(restored.history()).extracting((row) -> row.get("ID")).containsExactly("001");
	}

	/**
	 * The restore drill: back up, apply a revision that adds a table with foreign keys to
	 * the backed-up ones, a sequence and rows, then restore in place with the very
	 * commands the starter printed, and compare the whole database with its state before.
	 */
	@Test
	void postgresRestoreInPlaceWithThePrintedCommandsGivesBackTheDatabaseBeforeTheRun(CapturedOutput output)
			throws Exception {
		TestDatabase db = TestDatabases.postgres();
		this.revisions.add("002_create_projects.sql", """
				CREATE TABLE projects (id SERIAL PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES users (id),
				    name VARCHAR(100));
				CREATE SEQUENCE invoice_numbers START WITH 2000;
				""");
		migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'O''Brien')");
		db.jdbc().update("INSERT INTO projects (owner_id, name) VALUES (1, 'Website'), (2, 'Shop')");
		db.jdbc().queryForObject("SELECT nextval('invoice_numbers')", Long.class);
		Map<String, Object> before = snapshot(db);
		this.revisions.add("003_create_project_costs.sql", """
				CREATE TABLE project_costs (id BIGSERIAL PRIMARY KEY,
				    project_id INTEGER NOT NULL REFERENCES projects (id),
				    user_id INTEGER NOT NULL REFERENCES users (id), amount NUMERIC(10, 2));
				CREATE SEQUENCE cost_numbers;
				INSERT INTO project_costs (project_id, user_id, amount) VALUES (1, 1, 10.50), (2, 2, 7);
				INSERT INTO users (id, name) VALUES (3, 'Grace');
				SELECT nextval('invoice_numbers');
				""");
		RunReport upgrade = migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		assertThat(upgrade.applied()).containsExactly("003");
		String restore = output.getAll()
			.lines()
			.filter((line) -> line.contains("taken before migrating: " + upgrade.backup()))
			.map((line) -> line.substring(line.indexOf("(restore: ") + "(restore: ".length(), line.length() - 1))
			.findFirst()
			.orElseThrow();
		assertThat(restore).startsWith("psql ").contains("DROP SCHEMA \"public\" CASCADE", " && pg_restore ");
		runAsAnOperatorWould(db, restore);
		assertThat(snapshot(db)).isEqualTo(before);
		assertThat(migrator(db, settings(db, true, 10, "pg_dump")).migrate().applied()).containsExactly("003");
		assertThat(db.tables()).contains("project_costs");
	}

	private Map<String, Object> snapshot(TestDatabase db) {
		Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("tables", db.tables());
		state.put("columns", db.jdbc()
			.queryForList("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || "
					+ "coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' "
					+ "ORDER BY 1", String.class));
		state.put("constraints",
				db.jdbc()
					.queryForList("SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
							+ "WHERE connamespace = 'public'::regnamespace ORDER BY 1", String.class));
		state.put("sequences",
				db.jdbc()
					.queryForList("SELECT sequencename || ' ' || coalesce(last_value, 0) || ' ' || start_value "
							+ "FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1", String.class));
		state.put("users", users(db));
		state.put("projects", db.jdbc().queryForList("SELECT id, owner_id, name FROM projects ORDER BY id"));
		state.put("history", db.history().stream().map((row) -> row.get("ID") + " " + row.get("MD5SUM")).toList());
		return state;
	}

	/**
	 * The printed commands run by a shell, as an operator would; where the machine has no
	 * psql, its SQL goes through JDBC and pg_restore still runs as printed.
	 */
	private void runAsAnOperatorWould(TestDatabase db, String commands) throws Exception {
		boolean psql = new ProcessBuilder("sh", "-c", "command -v psql").start().waitFor() == 0;
		String shell = commands;
		if (!psql) {
			String sql = commands.substring(commands.indexOf("--command='") + "--command='".length(),
					commands.indexOf("' && "));
			db.jdbc().execute(sql);
			shell = commands.substring(commands.indexOf(" && ") + 4);
		}
		ProcessBuilder process = new ProcessBuilder("sh", "-c", shell).redirectErrorStream(true);
		process.environment().put("PGPASSWORD", db.password());
		Process started = process.start();
		String text = new String(started.getInputStream().readAllBytes());
		assertThat(started.waitFor()).as(text).isZero();
	}

	@Test
	void requiredBackupWithoutPgDumpLeavesTheDatabaseUntouched() {
		TestDatabase db = TestDatabases.postgres();
		migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		this.revisions.add("002_more.sql", "CREATE TABLE more_data (id INTEGER);");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(db, settings(db, true, 10, "/nonexistent/pg_dump")).migrate())
			.withMessageContaining("No backup could be taken before migrating (migrations.backup.required=true)")
			.withMessageContaining("/nonexistent/pg_dump cannot be run")
			.withMessageContaining("Nothing was written");
		assertThat(db.tables()).doesNotContain("more_data");
		assertThat(db.history()).extracting((row) -> row.get("ID")).containsExactly("001");
	}

	/**
	 * A pg_dump that writes part of the file, then fails as pg_dump does on a full disk:
	 * a real full disk needs root (a small tmpfs) and is not portable.
	 */
	String diskFullPgDump() throws IOException {
		Path script = this.temp.resolve("bin/pg_dump");
		Files.createDirectories(script.getParent());
		Files.writeString(script, """
				#!/bin/sh
				case "$1" in --version) exec pg_dump --version;; esac
				for argument in "$@"; do case "$argument" in --file=*) file="${argument#--file=}";; esac; done
				head -c 65536 /dev/zero > "$file"
				echo "pg_dump: error: could not write to output file: No space left on device" >&2
				exit 1
				""");
		script.toFile().setExecutable(true);
		return script.toString();
	}

	@Test
	void aFullBackupDiskNamesTheDirectoryItsFreeSpaceAndDeletesThePartialFile() throws IOException {
		TestDatabase db = TestDatabases.postgres();
		migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		this.revisions.add("002_more.sql", "CREATE TABLE more_data (id INTEGER);");
		String pgDump = diskFullPgDump();
		String directory = this.backups.toAbsolutePath().normalize().toString();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(db, settings(db, true, 10, pgDump)).migrate())
			.withMessageContaining("No space left on device")
			.withMessageContaining("The backup directory " + directory + " is full: ")
			.withMessageContaining(" free of ")
			.withMessageContaining(".dump.partial, was deleted")
			.withMessageContaining("Nothing was written")
			.satisfies(
					(ex) -> assertThat(((MigrationException) ex).getAction()).startsWith("Free space in " + directory)
						.contains("migrations.backup.directory")
						.doesNotContain("install", "Install"));
		assertThat(backupFiles()).noneMatch((file) -> file.getFileName().toString().endsWith(".partial"));
		assertThat(db.tables()).doesNotContain("more_data");
	}

	@Test
	void anOptionalBackupOnAFullDiskWarnsWithTheSameAdviceAndMigrates(CapturedOutput output) throws IOException {
		TestDatabase db = TestDatabases.postgres();
		migrator(db, settings(db, false, 10, "pg_dump")).migrate();
		this.revisions.add("002_more.sql", "CREATE TABLE more_data (id INTEGER);");
		RunReport report = migrator(db, settings(db, false, 10, diskFullPgDump())).migrate();
		assertThat(report.applied()).containsExactly("002");
		assertThat(output).contains("No backup taken before migrating", "No space left on device",
				"The backup directory " + this.backups.toAbsolutePath().normalize() + " is full: ", "was deleted",
				"Free space in ", "migrations.backup.required=false, going on without a backup");
		assertThat(backupFiles()).noneMatch((file) -> file.getFileName().toString().endsWith(".partial"));
	}

	@Test
	void optionalBackupWithoutPgDumpWarnsAndMigrates() {
		TestDatabase db = TestDatabases.postgres();
		migrator(db, settings(db, false, 10, "pg_dump")).migrate();
		this.revisions.add("002_more.sql", "CREATE TABLE more_data (id INTEGER);");
		RunReport report = migrator(db, settings(db, false, 10, "/nonexistent/pg_dump")).migrate();
		assertThat(report.backup()).isNull();
		assertThat(report.applied()).containsExactly("002");
	}

	@Test
	void failureAfterABackupNamesTheBackupAndHowToRestoreIt() {
		TestDatabase db = h2File();
		migrator(db, settings(db, true, 10, "pg_dump")).migrate();
		this.revisions.add("002_broken.sql", "INSERT INTO missing_table VALUES (1);");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(db, settings(db, true, 10, "pg_dump")).migrate())
			.withMessageContaining(
					"Backup taken before this run: " + this.backups.toAbsolutePath() + "/app-001-to-002-")
			.withMessageContaining("RUNSCRIPT FROM '");
	}

	@Test
	void backupSettingsNeverPrintThePassword() {
		BackupSettings settings = new BackupSettings(true, true, this.backups, 1, "pg_dump", null,
				"jdbc:postgresql://localhost/app", "app", "s3cret");
		assertThat(settings.toString()).doesNotContain("s3cret");
	}

}
