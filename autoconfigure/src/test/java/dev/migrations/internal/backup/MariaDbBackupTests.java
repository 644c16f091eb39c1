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
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.MariaDbServer;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups of a MariaDB database with {@code mariadb-dump} ({@code .ci/run} installs the
 * client), taken as a user whose grants cover only its own database and whose password
 * reaches the tool through an option file, and restored with {@code mariadb}.
 */
@EnabledIfMariaDb
class MariaDbBackupTests {

	private static final String PASSWORD = "p@ss w\"ord'1";

	@TempDir
	Path temp;

	Path backups;

	RevisionDirectory revisions;

	TestDatabase db;

	String user;

	@BeforeEach
	void setUp() {
		this.backups = this.temp.resolve("migration-backups");
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));");
		TestDatabase admin = TestDatabases.mariaDb();
		this.user = "bk_" + UUID.randomUUID().toString().substring(0, 8);
		MariaDbServer.get()
			.execute("CREATE USER '" + this.user + "'@'%' IDENTIFIED BY '" + PASSWORD.replace("'", "''") + "'");
		MariaDbServer.get().execute("GRANT ALL ON `" + admin.container() + "`.* TO '" + this.user + "'@'%'");
		this.db = new TestDatabase("mariadb", admin.url(), this.user, PASSWORD);
	}

	@AfterEach
	void dropUser() {
		MariaDbServer.get().execute("DROP USER IF EXISTS '" + this.user + "'@'%'");
	}

	Migrator migrator(boolean required) {
		return migrator(required, null);
	}

	Migrator migrator(boolean required, String dumpTool) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		BackupSettings settings = new BackupSettings(true, required, this.backups, 10, "pg_dump", dumpTool,
				this.db.url(), this.db.user(), this.db.password());
		return new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader, new DatabaseBackups(settings));
	}

	List<Map<String, Object>> users() {
		return this.db.jdbc().queryForList("SELECT id, name FROM users ORDER BY id");
	}

	@Test
	void backupBeforeAChangeIsVerifiedOwnerOnlyAndRestoresThePreviousDatabase() throws Exception {
		migrator(true).migrate();
		this.db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'O''Brien; Pat')");
		List<Map<String, Object>> before = users();
		this.revisions.add("002_drop_names.sql", "ALTER TABLE users DROP COLUMN name;");
		RunReport report = migrator(true).migrate();
		assertThat(report.applied()).containsExactly("002");
		Path file = Path.of(report.backup());
		assertThat(file.getFileName().toString()).matches(this.db.container() + "-001-to-002-\\d{8}-\\d{6}\\.sql\\.gz");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(this.backups)) {
			assertThat(files).containsExactly(file);
		}
		// Restored as the backup's restore command says, with the password from the
		// environment.
		java.net.URI server = java.net.URI.create(this.db.url().substring("jdbc:".length()));
		ProcessBuilder restore = new ProcessBuilder("sh", "-c",
				"gunzip -c '" + file.toAbsolutePath() + "' | mariadb --host=" + server.getHost() + " --port="
						+ ((server.getPort() > 0) ? server.getPort() : 3306) + " --user=" + this.user)
			.redirectErrorStream(true);
		restore.environment().put("MYSQL_PWD", PASSWORD);
		Process process = restore.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(users()).isEqualTo(before);
		assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001");
	}

	@Test
	void aConfiguredDumpToolIsTheOneThatRuns() throws Exception {
		// A wrapper that leaves a trace, then runs the real tool: the default on the PATH
		// would take the backup too, so only the trace shows which one ran.
		Path real = onPath("mariadb-dump");
		Path trace = this.temp.resolve("wrapper-ran");
		Path wrapper = this.temp.resolve("bin/dump-wrapper");
		Files.createDirectories(wrapper.getParent());
		Files.writeString(wrapper, "#!/bin/sh\ntouch '" + trace + "'\nexec '" + real + "' \"$@\"\n");
		wrapper.toFile().setExecutable(true);
		migrator(true).migrate();
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		RunReport report = migrator(true, wrapper.toString()).migrate();
		assertThat(report.applied()).containsExactly("002");
		assertThat(report.backup()).isNotNull();
		assertThat(Path.of(report.backup())).exists();
		assertThat(trace).exists();
	}

	@Test
	void aConfiguredDumpToolThatCannotRunFailsARequiredBackupAndNothingIsWritten() {
		migrator(true).migrate();
		this.revisions.add("002_drop_names.sql", "ALTER TABLE users DROP COLUMN name;");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.migrations.MigrationException.class)
			.isThrownBy(() -> migrator(true, "/nonexistent/mariadb-dump").migrate())
			.withMessageContaining("No backup could be taken before migrating (migrations.backup.required=true)")
			.withMessageContaining("/nonexistent/mariadb-dump cannot be run")
			.withMessageContaining("Nothing was written");
		assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001");
		assertThat(this.db.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
					+ "AND table_name = 'users'", String.class, this.db.container()))
			.contains("name");
		try (Stream<Path> files = Files.exists(this.backups) ? Files.list(this.backups) : Stream.empty()) {
			assertThat(files).isEmpty();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Path onPath(String tool) {
		for (String directory : System.getenv("PATH").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(directory, tool);
			if (!directory.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		org.junit.jupiter.api.Assumptions.abort(tool + " is not on the PATH");
		return null;
	}

	@Test
	void aDumpCutShortIsNotABackup() throws IOException {
		Path dump = this.temp.resolve("cut.sql");
		Files.writeString(dump, "-- MariaDB dump\nCREATE TABLE users (id INTEGER);\nINSERT INTO users VALUES (1");
		org.assertj.core.api.Assertions.assertThatIOException()
			.isThrownBy(() -> MariaDbDump.verify(dump, "mariadb-dump"))
			.withMessageContaining("does not end with '-- Dump completed'");
	}

}
