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

package dev.migrations.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.migrations.internal.revision.SqlStatementSplitter;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands as real processes of the sample application's jar
 * ({@code java -jar … --migrations.command=…}): what a process adds to a command is
 * tested here — its exit status, the result alone on standard output and the log on
 * standard error, a failure printed once without Spring Boot's failure banner, the
 * revision index read from the jar, and a usage error before any connection. What each
 * command does, on every database, is tested in-process by {@code MigrationsCommandTests}
 * (the same runner without the process). The scenarios run concurrently: each has its own
 * database and directory, and a process spends most of its life starting a JVM.
 */
@Execution(ExecutionMode.CONCURRENT)
class CommandsIT {

	private static final Path JAR = Path
		.of(System.getProperty("sample.jar", "target/migrations-sample-app-0.1.0-SNAPSHOT.jar"));

	@TempDir
	Path temp;

	private TestDatabase h2() {
		// A file database: the process and this test open it one after the other.
		Path file = this.temp.resolve("h2-" + System.nanoTime()).resolve("timetracker");
		return new TestDatabase("h2", "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", "sa", "");
	}

	@Test
	void upgradeStepByStepAndTheUpgradeScriptLeaveTheSameDatabase() throws Exception {
		TestDatabase db = TestDatabases.postgres();
		Run check = run(db, "check");
		assertThat(check.status()).isEqualTo(2);
		assertThat(check.stdout()).contains("is EMPTY at revision base (no revision), 18 revision(s) pending");
		Run upgrade = run(db, "upgrade 017");
		assertThat(upgrade.status()).as(upgrade.stderr()).isZero();
		assertThat(upgrade.stdout()).contains("Applied 001", "Applied 017", "SUCCESS: revision base -> 017")
			.doesNotContain("Applied 018");
		// The log goes to standard error, standard output carries the result only.
		assertThat(upgrade.stderr()).contains("Applying 017");
		assertThat(upgrade.stdout()).doesNotContain("INFO", "Applying");
		assertThat(db.tables()).doesNotContain("project_costs").contains("projects", "invoices");
		Run history = run(db, "history");
		assertThat(history.stdout().lines()).hasSize(18);
		assertThat(history.stdout()).containsPattern("(?m)^001 +APPLIED +\\S+ +\\d+ ms  initial schema$")
			.containsPattern("(?m)^018 +PENDING +- +-  add project costs table$");
		assertThat(run(db, "upgrade").stdout()).contains("Applied 018", "SUCCESS: revision 017 -> 018");
		assertThat(db.tables()).contains("project_costs");

		// The script upgrade --sql prints, run by hand on an empty database, gives the
		// same tables and history.
		TestDatabase fromScript = TestDatabases.postgres();
		Run sql = run(fromScript, "upgrade --sql");
		assertThat(sql.status()).as(sql.stderr()).isZero();
		assertThat(sql.stdout()).startsWith("-- SQL that migrations would execute on ")
			.contains("-- revision 001 initial schema", "-- revision 018 add project costs table");
		assertThat(fromScript.tables()).isEmpty();
		for (String statement : SqlStatementSplitter.split(sql.stdout())) {
			fromScript.jdbc().execute(statement);
		}
		assertThat(columns(fromScript)).isEqualTo(columns(db)).isNotEmpty();
		assertThat(history(fromScript)).isEqualTo(history(db)).hasSize(18);
		Run ok = run(fromScript, "check");
		assertThat(ok.status()).isZero();
		assertThat(ok.stdout())
			.isEqualTo("OK: the database is at revision 018, the target, with matching checksums.\n");
		// The build wrote the revision index (migrations-maven-plugin) into the jar: at
		// the head, a check compares the jar's entries and the history with it, and
		// reads no revision file.
		assertThat(ok.stderr()).contains("18 revisions checked against the revision index");
	}

	@Test
	void aRefusedCommandExitsOneAndJsonOutputIsTheResultAlone() {
		TestDatabase db = h2();
		assertThat(run(db, "upgrade").status()).isZero();
		Run refused = run(db, "downgrade 016 --sql");
		assertThat(refused.status()).as(refused.stderr()).isEqualTo(1);
		assertThat(refused.stderr())
			.contains("Command 'downgrade 016 --sql' failed (exit status 1).", "cannot be reversed", "017", "Action:")
			.doesNotContain("APPLICATION FAILED TO START", "Unable to close ApplicationContext",
					"BeanCreationException", "\tat ");
		assertThat(refused.stdout()).isEmpty();
		JsonNode current = JsonMapper.builder().build().readTree(run(db, "current --migrations.output=json").stdout());
		assertThat(current.get("current").asString()).isEqualTo("018");
		assertThat(current.get("history")).hasSize(18);
		assertThat(current.get("history").get(17).get("state").asString()).isEqualTo("APPLIED");
		assertThat(current.get("database").get("url").asString()).doesNotContain("password");
	}

	@Test
	void badCommandsExitOneWithUsageBeforeConnecting() {
		TestDatabase db = new TestDatabase("h2", "jdbc:h2:file:/nonexistent/dir/db;IFEXISTS=TRUE", "app",
				"s3cr3t-password");
		Run unknown = run(db, "migrate");
		assertThat(unknown.status()).isEqualTo(1);
		assertThat(unknown.stderr())
			.contains("Invalid migrations.command 'migrate': Unknown command 'migrate'.",
					"Usage: --migrations.command=", "downgrade <revision>|base")
			.doesNotContain("Cannot connect");
		Run unreachable = run(db, "current");
		assertThat(unreachable.status()).isEqualTo(1);
		assertThat(unreachable.stderr()).contains("The command 'current' failed");
		// A migrator that cannot be built fails the command the same way: no failure
		// banner, no context trace.
		Run badLocation = run(h2(), "current --migrations.location=classpath:db/nope");
		assertThat(badLocation.status()).isEqualTo(1);
		assertThat(badLocation.stderr())
			.contains("Command 'current' failed (exit status 1).",
					"migrations.location=classpath:db/nope names a folder that does not exist", "Action:")
			.doesNotContain("APPLICATION FAILED TO START", "Exception encountered during context initialization",
					"\tat ");
		assertThat(unknown.stdout() + unknown.stderr() + unreachable.stdout() + unreachable.stderr())
			.doesNotContain("s3cr3t-password");
	}

	private List<String> columns(TestDatabase database) {
		String schema = database.isPostgres() ? "public" : "PUBLIC";
		// The lock table and the started-revision marker (H2) belong to running, not to
		// the
		// script: a script run by hand takes no migration lock and marks nothing.
		return database.jdbc()
			.queryForList("SELECT LOWER(table_name) || '.' || LOWER(column_name) || ' ' || LOWER(data_type) || ' '"
					+ " || is_nullable FROM information_schema.columns WHERE table_schema = ?"
					+ " AND LOWER(table_name) NOT IN ('databasechangeloglock', 'databasechangelog_started') ORDER BY 1",
					String.class, schema);
	}

	private List<String> history(TestDatabase database) {
		List<String> rows = new ArrayList<>();
		for (Map<String, Object> row : database.history()) {
			rows.add(row.get("ORDEREXECUTED") + " " + row.get("ID") + " " + row.get("AUTHOR") + " "
					+ row.get("FILENAME") + " " + row.get("EXECTYPE") + " " + row.get("MD5SUM") + " "
					+ row.get("DESCRIPTION") + " " + row.get("TAG"));
		}
		return rows;
	}

	private Run run(TestDatabase db, String command) {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
		String[] words = command.split(" ");
		List<String> commandWords = new ArrayList<>();
		for (String word : words) {
			if (word.startsWith("--migrations.")) {
				line.add(word);
			}
			else {
				commandWords.add(word);
			}
		}
		line.add("--migrations.command=" + String.join(" ", commandWords));
		line.add("--spring.datasource.url=" + db.url());
		line.add("--spring.datasource.username=" + db.user());
		line.add("--spring.datasource.password=" + db.password());
		line.add("--migrations.backup.directory=" + this.temp.resolve("backups"));
		try {
			Path out = Files.createTempFile(this.temp, "stdout", ".txt");
			Path err = Files.createTempFile(this.temp, "stderr", ".txt");
			Path directory = Files.createTempDirectory(this.temp, "run");
			Process process = new ProcessBuilder(line).directory(directory.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("'" + command + "' did not exit:\n" + Files.readString(err));
			}
			return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Run(int status, String stdout, String stderr) {
	}

}
