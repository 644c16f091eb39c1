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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.migrations.MigrationException;
import dev.migrations.OutputFormat;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.RevisionDescriptor;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each command against a real database, its printed result and exit status: the
 * translation onto the operations API. The same commands as real processes of the sample
 * application's jar are tested in the sample app.
 */
class MigrationsCommandTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path temp;

	private TestDatabase db;

	private RevisionDirectory revisions;

	private void setUp(String kind) {
		this.db = TestDatabases.of(kind);
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100));")
			.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100));")
			.add("002_create_projects.down.sql", "DROP TABLE projects;")
			.add("003_add_project_code.sql",
					"-- a short code per project\nALTER TABLE projects ADD COLUMN code VARCHAR(10);")
			.add("003_add_project_code.down.sql", "ALTER TABLE projects DROP COLUMN code;");
	}

	private Migrator migrator() {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

	private Result run(String command) {
		return run(command, OutputFormat.TEXT);
	}

	private Result run(String command, OutputFormat format) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = new MigrationsCommand(migrator(), format, new PrintStream(bytes, true, StandardCharsets.UTF_8))
			.run(CommandLine.parse(command));
		return new Result(status, bytes.toString(StandardCharsets.UTF_8));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void upgradeAppliesUpToTheTargetAndCurrentAndHistoryShowIt(String kind) {
		setUp(kind);
		Result upgrade = run("upgrade 002");
		assertThat(upgrade.status()).isZero();
		assertThat(upgrade.output()).contains("Applied 001", "Applied 002", "SUCCESS: revision base -> 002")
			.doesNotContain("003");
		assertThat(userTables()).containsExactlyInAnyOrder("users", "projects");
		Result current = run("current");
		assertThat(current.output()).contains("State: BEHIND", "Current revision: 002\n", "Pending up to head: 003")
			.contains(this.db.isPostgres() ? "PostgreSQL" : "H2");
		Result history = run("history --verbose");
		assertThat(history.output().lines()).hasSize(9);
		assertThat(history.output()).containsPattern("001 +APPLIED +\\S+ +\\d+ ms  create users")
			.containsPattern("003 +PENDING +- +-  add project code")
			.contains("file: ", "003_add_project_code.sql", "change sets: 1");
		assertThat(run("heads").output()).isEqualTo("003 (head) add project code\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void checkExitsTwoWhileRevisionsArePendingAndZeroAtTheTarget(String kind) {
		setUp(kind);
		Result pending = run("check");
		assertThat(pending.status()).isEqualTo(MigrationsCommand.NOT_AT_TARGET);
		assertThat(pending.output()).contains("is EMPTY at revision base (no revision), 3 revision(s) pending")
			.doesNotContain("migrations.mode");
		assertThat(userTables()).isEmpty();
		run("upgrade");
		Result ok = run("check");
		assertThat(ok.status()).isZero();
		assertThat(ok.output()).startsWith("OK: the database is at revision 003");
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		Result edited = run("check");
		assertThat(edited.status()).isEqualTo(MigrationsCommand.NOT_AT_TARGET);
		assertThat(edited.output()).contains("Revision 002 was edited after it was applied");
		Result repair = run("repair 002");
		assertThat(repair.output()).contains("SUCCESS: revision 003 -> 003");
		assertThat(this.db.history()).filteredOn((row) -> "002".equals(row.get("ID")))
			.singleElement()
			.satisfies((row) -> assertThat((String) row.get("COMMENTS")).contains("repaired by migrations"));
		assertThat(run("check").status()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void downgradeOnlyGoesDownAndSqlPreviewsExactlyWhatRuns(String kind) {
		setUp(kind);
		run("upgrade 002");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("downgrade 003"))
			.withMessageContaining("would apply revision(s) 003 that are not recorded: a downgrade only reverses");
		Result preview = run("downgrade 001 --sql");
		assertThat(preview.output()).contains("-- downgrade 002 create projects\nDROP TABLE projects;\n"
				+ "DELETE FROM DATABASECHANGELOG WHERE ID = '002'");
		assertThat(userTables()).contains("projects");
		Result downgrade = run("downgrade 001");
		assertThat(downgrade.output()).contains("Reversed 002", "SUCCESS: revision 002 -> 001");
		assertThat(userTables()).containsExactly("users");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("downgrade base --sql"))
			.withMessageContaining("cannot be reversed: 001");
		this.revisions.add("001_create_users.down.sql", "DROP TABLE users;");
		assertThat(run("downgrade base --sql").output()).contains("-- downgrade 001 create users\nDROP TABLE users;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void stampAndBaselineRecordWithoutRunning(String kind) {
		setUp(kind);
		this.db.jdbc().execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("upgrade"))
			.withMessageContaining("but no migration history")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("baseline it at that revision")
				.doesNotContain("migrations."));
		Result baseline = run("baseline 001");
		assertThat(baseline.output()).contains("Recorded 001 without running it", "SUCCESS: revision base -> 001");
		assertThat(userTables()).containsExactly("users");
		Result stamp = run("stamp 002");
		assertThat(stamp.output()).contains("Recorded 002 without running it");
		assertThat(userTables()).containsExactly("users");
		assertThat(this.db.history()).extracting((row) -> row.get("ID") + ":" + row.get("EXECTYPE"))
			.containsExactly("001:MARK_RAN", "002:MARK_RAN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void showPrintsOneRevisionWithItsSql(String kind) {
		setUp(kind);
		run("upgrade 002");
		Result show = run("show 3");
		assertThat(show.output()).contains("Revision: 003 add project code", "State: PENDING",
				"Downgrade: 003_add_project_code.down.sql",
				"SQL:\n-- a short code per project\nALTER TABLE projects ADD COLUMN code VARCHAR(10);");
		// A statement that starts with a comment still ends with ';': the script runs as
		// printed.
		assertThat(run("upgrade --sql").output())
			.contains("-- revision 003 add project code\n-- a short code per project\nALTER TABLE projects ADD COLUMN "
					+ "code VARCHAR(10);\nINSERT INTO DATABASECHANGELOG");
		assertThat(run("show head").output()).startsWith("Revision: 003 add project code\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("show 999"))
			.withMessageContaining("Neither the application nor the database knows revision 999");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void jsonOutputIsTheEndpointsJson(String kind) {
		setUp(kind);
		run("upgrade 002");
		Migrator migrator = migrator();
		JsonNode endpoint = json.valueToTree(new MigrationsEndpoint(migrator).migrations());
		JsonNode current = json.readTree(run("current", OutputFormat.JSON).output());
		assertThat(current.toString()).isEqualTo(endpoint.toString());
		assertThat(current.get("current").asString()).isEqualTo("002");
		assertThat(current.get("pending")).hasSize(1);
		JsonNode show = json.readTree(run("show 002", OutputFormat.JSON).output());
		assertThat(show.toString())
			.isEqualTo(json.valueToTree(RevisionDescriptor.of(migrator.show("002").orElseThrow())).toString());
		JsonNode upgraded = json.readTree(run("upgrade", OutputFormat.JSON).output());
		assertThat(upgraded.get("lastRun").get("applied")).extracting(JsonNode::asString).containsExactly("003");
		assertThat(json.readTree(run("heads", OutputFormat.JSON).output())).isEqualTo(json.valueToTree(List.of("003")));
		assertThat(json.readValue(run("check", OutputFormat.JSON).output(), Map.class)).containsEntry("state",
				"UP_TO_DATE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void checkSchemaExitsTwoOnDriftAndGenerateBaselineWritesTheRevision(String kind) throws Exception {
		setUp(kind);
		run("upgrade");
		Result clean = run("check --schema");
		assertThat(clean.status()).as(clean.output()).isZero();
		assertThat(clean.output()).contains("is what its revisions produce");
		this.db.jdbc().execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(20)");
		Result drifted = run("check --schema");
		assertThat(drifted.status()).isEqualTo(MigrationsCommand.NOT_AT_TARGET);
		assertThat(drifted.output()).contains("OK: the database is at revision 003").containsIgnoringCase("nickname");
		Path directory = this.temp.resolve("generated");
		Result generated = run("generate-baseline 001 --directory=" + directory);
		assertThat(generated.output()).contains("Wrote " + directory.resolve("001_baseline.sql"),
				"migrations.baseline.revision=001");
		assertThat(java.nio.file.Files.readString(directory.resolve("001_baseline.sql")))
			.containsIgnoringCase("CREATE TABLE")
			.containsIgnoringCase("nickname");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void currentAndHistoryShowARevisionStartedAndNeverFinishedUntilItIsRepaired(String kind) throws Exception {
		setUp(kind);
		this.revisions.add("004_add_carriers.sql", """
				CREATE TABLE shipments (id INTEGER PRIMARY KEY);
				INSERT INTO carriers (id) VALUES (1);
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("upgrade"));
		assertThat(run("current").output()).contains("State: PARTIAL", "Current revision: 003\n",
				"Interrupted: Revision 004 (", "never finished", "statement 1: CREATE TABLE shipments", "Ways out: ",
				"stamp 004", "repair 004");
		assertThat(run("history").output()).containsPattern("004 +PENDING")
			.contains("Interrupted: Revision 004 (", "Ways out: ", "stamp 004", "repair 004");
		JsonNode interrupted = json.readTree(run("current", OutputFormat.JSON).output()).get("interrupted");
		assertThat(interrupted.get("revision").asString()).isEqualTo("004");
		assertThat(interrupted.get("statementsStarted").asInt()).isEqualTo(1);
		assertThat(interrupted.get("action").asString()).contains("repair 004");
		assertThat(run("show 004").output()).contains("Revision: 004 add carriers", "State: PENDING",
				"Interrupted: Revision 004 (", "Ways out: ", "repair 004");
		assertThat(json.readTree(run("show 004", OutputFormat.JSON).output())
			.get("interrupted")
			.get("revision")
			.asString()).isEqualTo("004");
		assertThat(run("show 003").output()).doesNotContain("Interrupted");
		this.db.jdbc().execute("DROP TABLE shipments");
		run("repair 004");
		assertThat(run("current").output()).contains("State: BEHIND").doesNotContain("Interrupted", "Ways out");
		assertThat(json.readTree(run("current", OutputFormat.JSON).output()).get("interrupted").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void anInterruptedDowngradeIsShownAndTheStampOfTheRevisionBelowRecordsItAsReversed(String kind) {
		setUp(kind);
		this.revisions.add("003_add_project_code.down.sql", """
				ALTER TABLE projects DROP COLUMN code;
				DELETE FROM carriers;
				""");
		run("upgrade");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> run("downgrade 002"));
		String current = run("current").output();
		assertThat(current).contains("State: PARTIAL", "Current revision: 003 (head)", "Interrupted: Revision 003 (",
				"was being reversed (downgrade to 002)", "statement 1: ALTER TABLE projects DROP COLUMN code",
				"Ways out: ", "repair 003", "stamp 002");
		Result stamp = run("stamp 002");
		assertThat(stamp.output()).contains("Reversed 003", "SUCCESS: revision 003 -> 002");
		assertThat(run("current").output()).contains("State: BEHIND", "Current revision: 002\n")
			.doesNotContain("Interrupted");
		assertThat(run("upgrade").output()).contains("Applied 003");
	}

	private List<String> userTables() {
		return this.db.tables()
			.stream()
			.filter((table) -> !table.toLowerCase().startsWith("databasechangelog"))
			.toList();
	}

	private record Result(int status, String output) {
	}

}
