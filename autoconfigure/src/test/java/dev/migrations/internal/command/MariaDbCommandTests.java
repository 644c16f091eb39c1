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

import dev.migrations.MigrationException;
import dev.migrations.OutputFormat;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The commands on MariaDB: they name the database, never an empty schema.
 */
@EnabledIfMariaDb
class MariaDbCommandTests {

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.mariaDb();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));")
			.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100));");
	}

	private String run(String command, OutputFormat format) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(this.db.dataSource(),
				RevisionSource.directory(this.revisions.location(), loader), MigrationSettings.defaults(), loader);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new MigrationsCommand(migrator, format, new PrintStream(bytes, true, StandardCharsets.UTF_8))
			.run(CommandLine.parse(command));
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void currentAndHistoryShowARevisionStartedAndNeverFinished() {
		this.revisions.add("003_add_carriers.sql", """
				CREATE TABLE shipments (id INTEGER PRIMARY KEY);
				INSERT INTO carriers (id) VALUES (1);
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("upgrade", OutputFormat.TEXT));
		assertThat(run("current", OutputFormat.TEXT)).contains("State: PARTIAL", "Current revision: 002\n",
				"Interrupted: Revision 003 (", "On MariaDB each DDL statement commits at once", "Ways out: ",
				"stamp 003", "repair 003", "database '" + this.db.container() + "'");
		assertThat(run("history", OutputFormat.TEXT)).contains("Interrupted: Revision 003 (", "repair 003");
		assertThat(run("current", OutputFormat.JSON)).contains("\"interrupted\":{\"revision\":\"003\"");
	}

	@Test
	void currentAndTheJsonNameTheDatabase() {
		assertThat(run("upgrade 001", OutputFormat.TEXT)).contains("Applied 001");
		assertThat(run("current", OutputFormat.TEXT)).contains("(MariaDB ", ", database '" + this.db.container() + "')")
			.contains("Current revision: 001\n", "Pending up to head: 002")
			.doesNotContain("schema ''");
		assertThat(run("current", OutputFormat.JSON)).contains("\"database\":\"" + this.db.container() + "\"")
			.contains("\"schema\":null");
	}

}
