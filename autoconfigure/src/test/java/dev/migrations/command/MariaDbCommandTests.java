package dev.migrations.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RevisionSource;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

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
	void currentAndTheJsonNameTheDatabase() {
		assertThat(run("upgrade 001", OutputFormat.TEXT)).contains("Applied 001");
		assertThat(run("current", OutputFormat.TEXT)).contains("(MariaDB ", ", database '" + this.db.container() + "')")
			.contains("Current revision: 001\n", "Pending up to head: 002")
			.doesNotContain("schema ''");
		assertThat(run("current", OutputFormat.JSON)).contains("\"database\":\"" + this.db.container() + "\"")
			.contains("\"schema\":null");
	}

}
