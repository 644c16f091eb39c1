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

package dev.migrations.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} endpoint, the health indicator and the metrics of a running
 * application, over real HTTP, for every database state. Run on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractMigrationsEndpointTests {

	static final String CLIENTS = "CREATE TABLE clients (id INTEGER PRIMARY KEY, name VARCHAR(50));";

	static final String PROJECTS = "CREATE TABLE projects (id INTEGER PRIMARY KEY, client_id INTEGER);";

	static final String BUDGET = "ALTER TABLE projects ADD COLUMN budget NUMERIC(12, 2);";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	abstract TestDatabase newDatabase();

	/**
	 * Create a login with a password that may create tables, and return its JDBC URL
	 * carrying the password too.
	 */
	abstract String createUserWithPassword(String user, String password);

	/** Take the database's migration lock as another migrator would, until closed. */
	abstract AutoCloseable holdMigrationLock() throws Exception;

	@BeforeEach
	void setUp() {
		this.db = newDatabase();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_clients.sql", CLIENTS)
			.add("002_create_projects.sql", PROJECTS)
			.add("002_create_projects.down.sql", "DROP TABLE projects;");
	}

	@Test
	void reportsUpToDateDatabaseAfterTheStartupRun() {
		try (App app = start()) {
			JsonNode report = app.get("/actuator/migrations").json();
			JsonNode database = report.get("database");
			assertThat(database.get("product").asString()).isEqualTo(this.db.isPostgres() ? "PostgreSQL" : "H2");
			assertThat(database.get("version").asString()).isNotBlank();
			assertThat(database.get("url").asString())
				.startsWith(this.db.isPostgres() ? "jdbc:postgresql:" : "jdbc:h2:");
			assertThat(database.get("schema").asString()).isEqualToIgnoringCase("public");
			assertThat(report.get("state").asString()).isEqualTo("UP_TO_DATE");
			assertThat(report.get("current").asString()).isEqualTo("002");
			assertThat(texts(report.get("heads"))).containsExactly("002");
			assertThat(report.get("target").asString()).isEqualTo("head");
			assertThat(report.get("pending")).isEmpty();
			JsonNode history = report.get("history");
			assertThat(history).hasSize(2);
			JsonNode first = history.get(0);
			assertThat(first.get("revision").asString()).isEqualTo("001");
			assertThat(first.get("description").asString()).isEqualTo("create clients");
			assertThat(first.get("state").asString()).isEqualTo("APPLIED");
			assertThat(first.get("appliedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			assertThat(first.get("executionTimeMs").isNumber()).isTrue();
			assertThat(first.get("changesets").asInt()).isEqualTo(1);
			assertThat(first.get("deploymentId").asString()).isNotBlank();
			assertThat(history.get(1).get("revision").asString()).isEqualTo("002");
			JsonNode lastRun = report.get("lastRun");
			assertThat(lastRun.get("startedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			assertThat(lastRun.get("durationMs").isNumber()).isTrue();
			assertThat(lastRun.get("from").isNull()).isTrue();
			assertThat(lastRun.get("to").asString()).isEqualTo("002");
			assertThat(texts(lastRun.get("applied"))).containsExactly("001", "002");
			assertThat(lastRun.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(lastRun.get("error").isNull()).isTrue();
			assertThat(lastRun.get("backup").isNull()).isTrue();
			assertThat(app.health()).isEqualTo("UP");
		}
	}

	@Test
	void reportsEmptyDatabaseWithEveryRevisionPending() {
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("EMPTY");
			assertThat(report.get("current").isNull()).isTrue();
			assertThat(report.get("history")).isEmpty();
			assertThat(report.get("lastRun").isNull()).isTrue();
			JsonNode pending = report.get("pending");
			assertThat(pending).hasSize(2);
			assertThat(pending.get(0).get("revision").asString()).isEqualTo("001");
			assertThat(pending.get(0).get("description").asString()).isEqualTo("create clients");
			assertThat(pending.get(0).get("file").asString()).endsWith("001_create_clients.sql");
			assertThat(pending.get(0).get("outOfOrder").asBoolean()).isFalse();
			assertThat(app.health()).isEqualTo("OUT_OF_SERVICE");
		}
	}

	@Test
	void reportsDatabaseBehindTheTarget() {
		migrateTo("001");
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("BEHIND");
			assertThat(report.get("current").asString()).isEqualTo("001");
			assertThat(revisions(report.get("pending"))).containsExactly("002");
			assertThat(revisions(report.get("history"))).containsExactly("001");
			JsonNode health = app.get("/actuator/health/migrations").json();
			assertThat(health.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(health.get("details").get("pending").asInt()).isEqualTo(1);
			assertThat(health.get("details").get("current").asString()).isEqualTo("001");
			assertThat(health.get("details").get("target").asString()).isEqualTo("head");
			assertThat(health.get("details").get("state").asString()).isEqualTo("BEHIND");
		}
	}

	@Test
	void reportsRevisionPendingOutOfOrder() {
		this.revisions.remove("002_create_projects.down.sql").remove("002_create_projects.sql");
		this.revisions.add("003_create_projects.sql", PROJECTS);
		migrateTo("003");
		this.revisions.add("002_add_client_note.sql", "ALTER TABLE clients ADD note VARCHAR(10);");
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("BEHIND");
			assertThat(report.get("current").asString()).isEqualTo("003");
			JsonNode pending = report.get("pending");
			assertThat(revisions(pending)).containsExactly("002");
			assertThat(pending.get(0).get("outOfOrder").asBoolean()).isTrue();
		}
	}

	@Test
	void reportsUnmanagedDatabase() {
		this.db.jdbc().execute("CREATE TABLE legacy (id INTEGER)");
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("UNMANAGED");
			assertThat(report.get("history")).isEmpty();
			assertThat(revisions(report.get("pending"))).containsExactly("001", "002");
			assertThat(app.health()).isEqualTo("OUT_OF_SERVICE");
		}
	}

	@Test
	void reportsDatabaseAheadOfTheApplication() {
		this.revisions.add("003_add_project_budget.sql", BUDGET);
		migrateTo("head");
		this.revisions.remove("003_add_project_budget.sql");
		try (App app = start()) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("AHEAD");
			assertThat(report.get("current").asString()).isEqualTo("003");
			assertThat(states(report.get("history"))).containsExactly("001:APPLIED", "002:APPLIED", "003:UNKNOWN");
			JsonNode health = app.get("/actuator/health/migrations").json();
			assertThat(health.get("status").asString()).isEqualTo("UP");
			assertThat(texts(health.get("details").get("unknown"))).containsExactly("003");
		}
	}

	@Test
	void reportsHalfAppliedRevisionAsPartialAndDown() {
		this.revisions.add("003_two_tables.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: a
				      author: x
				      changes:
				        - createTable: {tableName: table_a, columns: [{column: {name: id, type: INTEGER}}]}
				  - changeSet:
				      id: b
				      author: x
				      changes:
				        - createTable: {tableName: table_b, columns: [{column: {name: id, type: INTEGER}}]}
				""");
		migrateTo("head");
		this.db.jdbc().update("DELETE FROM DATABASECHANGELOG WHERE ID = 'b'");
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("PARTIAL");
			assertThat(states(report.get("history"))).contains("003:PARTIAL");
			JsonNode health = app.get("/actuator/health/migrations").json();
			assertThat(health.get("status").asString()).isEqualTo("DOWN");
			assertThat(texts(health.get("details").get("partial"))).containsExactly("003");
			JsonNode detail = app.get("/actuator/migrations/003").json();
			assertThat(detail.get("changesets"))
				.extracting((changeSet) -> changeSet.get("id").asString() + ":" + changeSet.get("state").asString())
				.containsExactly("a:EXECUTED", "b:PENDING");
		}
	}

	@Test
	void reportsRevisionsWithSeveralHeadsAsConflictAndDown() {
		this.revisions.add("003_branch.sql", "-- down_revision: 001\n" + BUDGET.replace("projects", "clients"));
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("CONFLICT");
			assertThat(texts(report.get("heads"))).containsExactly("002", "003");
			assertThat(app.health()).isEqualTo("DOWN");
		}
	}

	@Test
	void editedAppliedRevisionIsDown() {
		migrateTo("head");
		this.revisions.add("001_create_clients.sql", CLIENTS.replace("50", "80"));
		try (App app = start("migrations.mode=none")) {
			JsonNode health = app.get("/actuator/health/migrations").json();
			assertThat(health.get("status").asString()).isEqualTo("DOWN");
			assertThat(texts(health.get("details").get("checksumMismatches")))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.startsWith("001 (")
				.endsWith("001_create_clients.sql)");
		}
	}

	@Test
	void revisionDetailShowsFilesChangeSetsSqlAndDowngrade() {
		try (App app = start()) {
			JsonNode applied = app.get("/actuator/migrations/002").json();
			assertThat(applied.get("revision").asString()).isEqualTo("002");
			assertThat(applied.get("description").asString()).isEqualTo("create projects");
			assertThat(applied.get("state").asString()).isEqualTo("APPLIED");
			assertThat(texts(applied.get("files"))).satisfiesExactly(
					(file) -> assertThat(file).endsWith("002_create_projects.sql"),
					(file) -> assertThat(file).endsWith("002_create_projects.down.sql"));
			assertThat(applied.get("appliedAt").asString()).isNotBlank();
			JsonNode changeSet = applied.get("changesets").get(0);
			assertThat(changeSet.get("state").asString()).isEqualTo("EXECUTED");
			assertThat(changeSet.get("checksum").asString()).isNotBlank();
			assertThat(changeSet.get("recordedChecksum").asString()).isNotBlank();
			assertThat(changeSet.get("runInTransaction").asBoolean()).isTrue();
			assertThat(String.join("\n", texts(applied.get("sql")))).containsIgnoringCase("CREATE TABLE projects");
			assertThat(applied.get("downgradable").asBoolean()).isTrue();
			assertThat(applied.get("downgrade").asString()).isNotBlank();
			JsonNode withoutDowngrade = app.get("/actuator/migrations/001").json();
			assertThat(withoutDowngrade.get("downgradable").asBoolean()).isFalse();
			assertThat(withoutDowngrade.get("downgrade").asString()).isNotBlank();
			assertThat(app.get("/actuator/migrations/1").json().get("revision").asString()).isEqualTo("001");
		}
	}

	@Test
	void revisionDetailOfPendingRevisionShowsTheSqlItWouldRun() {
		try (App app = start("migrations.mode=none")) {
			JsonNode pending = app.get("/actuator/migrations/001").json();
			assertThat(pending.get("state").asString()).isEqualTo("PENDING");
			assertThat(pending.get("appliedAt").isNull()).isTrue();
			assertThat(pending.get("changesets").get(0).get("state").asString()).isEqualTo("PENDING");
			assertThat(pending.get("changesets").get(0).get("recordedChecksum").isNull()).isTrue();
			assertThat(String.join("\n", texts(pending.get("sql")))).containsIgnoringCase("CREATE TABLE clients");
		}
	}

	@Test
	void unknownRevisionIsNotFound() {
		try (App app = start()) {
			assertThat(app.get("/actuator/migrations/999").status()).isEqualTo(404);
			assertThat(app.get("/actuator/migrations/not_a_revision").status()).isEqualTo(404);
		}
	}

	@Test
	void reportsDriftBesideTheRevisions() {
		try (App app = start("migrations.drift.ignore=audit_*")) {
			JsonNode clean = app.get("/actuator/migrations/drift").json();
			assertThat(clean.get("drift").asBoolean()).isFalse();
			assertThat(clean.get("differences")).isEmpty();
			assertThat(clean.get("revision").asString()).isEqualTo("002");
			this.db.jdbc().execute("ALTER TABLE clients ADD COLUMN nickname VARCHAR(40)");
			this.db.jdbc().execute("CREATE TABLE audit_log (id INTEGER)");
			Response response = app.get("/actuator/migrations/drift");
			assertThat(response.status()).isEqualTo(200);
			JsonNode drift = response.json();
			assertThat(drift.get("drift").asBoolean()).isTrue();
			assertThat(drift.get("differences")).hasSize(1);
			JsonNode difference = drift.get("differences").get(0);
			assertThat(difference.get("object").asString()).isEqualToIgnoringCase("column `nickname` on `clients`");
			assertThat(difference.get("kind").asString()).isEqualTo("UNEXPECTED");
			assertThat(difference.get("expected").isNull()).isTrue();
			assertThat(difference.get("actual").asString()).containsIgnoringCase("char").contains("(40)");
			assertThat(difference.get("note").asString()).endsWith("(no revision creates it)");
			// The selector still reaches revisions.
			assertThat(app.get("/actuator/migrations/001").json().get("revision").asString()).isEqualTo("001");
		}
	}

	@Test
	void showsRevisionsAdoptedFromFlywayInTheirOwnState() throws IOException {
		Path flyway = java.nio.file.Files.createDirectories(this.temp.resolve("flyway"));
		java.nio.file.Files.writeString(flyway.resolve("V1__create_clients.sql"), CLIENTS);
		org.flywaydb.core.Flyway.configure()
			.dataSource(this.db.url(), this.db.user(), this.db.password())
			.locations("filesystem:" + flyway)
			.load()
			.migrate();
		try (App app = start("migrations.adopt=flyway")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(states(report.get("history"))).containsExactly("001:ADOPTED", "002:APPLIED");
			JsonNode revision = app.get("/actuator/migrations/001").json();
			assertThat(revision.get("state").asString()).isEqualTo("ADOPTED");
			assertThat(revision.get("downgradable").asBoolean()).isFalse();
		}
	}

	@Test
	void noCredentialAppearsInAnyResponse() {
		String secret = "S3cret-Pa55word";
		String user = "reporter_" + Long.toHexString(System.nanoTime());
		String url = createUserWithPassword(user, secret);
		this.revisions.add("003_broken.sql", "INSERT INTO missing_table VALUES (1);");
		try (App app = start("spring.datasource.url=" + url, "spring.datasource.username=" + user,
				"spring.datasource.password=" + secret, "migrations.mode=none",
				"migrations.endpoint.write-operations=true", "management.endpoint.migrations.access=unrestricted")) {
			List<Response> responses = new ArrayList<>();
			responses.add(app.get("/actuator/migrations"));
			responses.add(app.get("/actuator/migrations/001"));
			responses.add(app.post("/actuator/migrations/upgrade", "{\"target\": \"999\"}"));
			responses.add(app.post("/actuator/migrations/upgrade", ""));
			responses.add(app.get("/actuator/migrations"));
			responses.add(app.get("/actuator/health"));
			assertThat(responses.get(0).status()).isEqualTo(200);
			assertThat(responses.get(3).status()).isEqualTo(500);
			assertThat(responses.get(4).json().get("lastRun").get("outcome").asString()).isEqualTo("FAILED");
			assertThat(responses.get(0).json().get("database").get("url").asString()).doesNotContain(secret);
			assertThat(responses).allSatisfy((response) -> assertThat(response.body()).doesNotContain(secret));
		}
	}

	@Test
	void downgradeAndUpgradeThroughTheEndpointWithBothSwitches(CapturedOutput output) {
		try (App app = startWritable()) {
			Response downgraded = app.post("/actuator/migrations/downgrade", "{\"target\": \"001\"}");
			assertThat(downgraded.status()).isEqualTo(200);
			JsonNode report = downgraded.json();
			assertThat(report.get("state").asString()).isEqualTo("BEHIND");
			assertThat(report.get("current").asString()).isEqualTo("001");
			assertThat(texts(report.get("lastRun").get("reverted"))).containsExactly("002");
			assertThat(report.get("lastRun").get("from").asString()).isEqualTo("002");
			assertThat(report.get("lastRun").get("to").asString()).isEqualTo("001");
			assertThat(this.db.tables()).doesNotContain("projects");
			assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001");
			assertThat(app.health()).isEqualTo("OUT_OF_SERVICE");
			assertThat(output)
				.contains("Migrations endpoint: downgrade to 001 requested by an unauthenticated caller at");

			Response upgraded = app.post("/actuator/migrations/upgrade", "");
			assertThat(upgraded.status()).isEqualTo(200);
			assertThat(upgraded.json().get("state").asString()).isEqualTo("UP_TO_DATE");
			assertThat(texts(upgraded.json().get("lastRun").get("applied"))).containsExactly("002");
			assertThat(this.db.tables()).contains("projects");
			assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
			assertThat(app.health()).isEqualTo("UP");
			assertThat(output)
				.contains("Migrations endpoint: upgrade to head requested by an unauthenticated caller at");
		}
	}

	@Test
	void stampThroughTheEndpointRecordsWithoutRunning() {
		this.db.jdbc().execute(CLIENTS);
		try (App app = startWritable("migrations.mode=none")) {
			Response stamped = app.post("/actuator/migrations/stamp", "{\"target\": \"001\"}");
			assertThat(stamped.status()).isEqualTo(200);
			assertThat(states(stamped.json().get("history"))).containsExactly("001:STAMPED");
			assertThat(texts(stamped.json().get("lastRun").get("recorded"))).containsExactly("001");
			assertThat(this.db.history()).extracting((row) -> row.get("EXECTYPE")).containsExactly("MARK_RAN");
			Response upgraded = app.post("/actuator/migrations/upgrade", "{\"target\": \"head\"}");
			assertThat(states(upgraded.json().get("history"))).containsExactly("001:STAMPED", "002:APPLIED");
		}
	}

	@Test
	void writeRequestsThatCannotSucceedAreRefusedWithoutWriting() {
		this.revisions.add("003_add_project_budget.sql", BUDGET);
		try (App app = startWritable()) {
			List<Map<String, Object>> history = this.db.history();
			Response irreversible = app.post("/actuator/migrations/downgrade", "{\"target\": \"001\"}");
			assertThat(irreversible.status()).isEqualTo(400);
			assertThat(irreversible.json().get("error").asString()).contains("003");
			assertThat(irreversible.json().get("action").asString()).isNotBlank();
			assertThat(app.post("/actuator/migrations/upgrade", "{\"target\": \"999\"}").status()).isEqualTo(400);
			assertThat(app.post("/actuator/migrations/upgrade", "{\"target\": \"001\"}").status()).isEqualTo(400);
			assertThat(app.post("/actuator/migrations/downgrade", "").status()).isEqualTo(400);
			assertThat(app.post("/actuator/migrations/downgrade", "{\"target\": \"001\\nDROP TABLE x\"}").status())
				.isEqualTo(400);
			assertThat(app.post("/actuator/migrations/stamp", "{\"target\": \"999\"}").status()).isEqualTo(400);
			assertThat(app.post("/actuator/migrations/truncate", "").status()).isEqualTo(400);
			assertThat(this.db.history()).isEqualTo(history);
			assertThat(app.get("/actuator/migrations").json().get("lastRun").get("outcome").asString())
				.isEqualTo("SUCCESS");
			assertThat(app.health()).isEqualTo("UP");
		}
	}

	@Test
	void upgradeOfAnUnmanagedDatabaseIsRefusedWithoutWriting() {
		this.db.jdbc().execute("CREATE TABLE legacy (id INTEGER)");
		try (App app = startWritable("migrations.mode=none")) {
			Response refused = app.post("/actuator/migrations/upgrade", "{}");
			assertThat(refused.status()).isEqualTo(400);
			// A call names what to do through the API (baseline, stamp), not the startup
			// properties.
			assertThat(refused.json().get("action").asString()).contains("baseline it at that revision")
				.doesNotContain("migrations.");
			assertThat(this.db.tables()).containsExactly("legacy");
		}
	}

	@Test
	void failedRunThroughTheEndpointIsReportedAndDown() {
		this.revisions.add("003_broken.sql", "INSERT INTO missing_table VALUES (1);");
		try (App app = startWritable("migrations.target=002")) {
			Response failed = app.post("/actuator/migrations/upgrade", "{\"target\": \"head\"}");
			assertThat(failed.status()).isEqualTo(500);
			JsonNode lastRun = failed.json().get("lastRun");
			assertThat(lastRun.get("outcome").asString()).isEqualTo("FAILED");
			assertThat(lastRun.get("error").asString()).contains("003");
			JsonNode health = app.get("/actuator/health/migrations").json();
			assertThat(health.get("status").asString()).isEqualTo("DOWN");
			assertThat(health.get("details").get("lastRun").asString()).contains("FAILED");
		}
	}

	@Test
	void metricsRecordRunsRevisionsAppliedAndPending() {
		try (App app = startWritable()) {
			MeterRegistry registry = app.context().getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.runs").tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
			assertThat(registry.get("migrations.revisions.applied").counter().count()).isEqualTo(2);
			assertThat(registry.get("migrations.revisions.pending").gauge().value()).isZero();
			app.post("/actuator/migrations/downgrade", "{\"target\": \"001\"}");
			assertThat(registry.get("migrations.runs").tag("outcome", "SUCCESS").timer().count()).isEqualTo(2);
			assertThat(registry.get("migrations.revisions.pending").gauge().value()).isEqualTo(1);
			app.post("/actuator/migrations/upgrade", "");
			assertThat(registry.get("migrations.revisions.applied").counter().count()).isEqualTo(3);
			JsonNode metric = app.get("/actuator/metrics/migrations.revisions.applied").json();
			assertThat(metric.get("measurements").get(0).get("value").asDouble()).isEqualTo(3);
			assertThat(app.get("/actuator/metrics/migrations.runs").json().get("availableTags").toString())
				.contains("outcome", "SUCCESS");
		}
	}

	@Test
	void reportsThousandsOfHistoryRows() {
		int count = 1500;
		for (int i = 3; i <= count; i++) {
			this.revisions.add(String.format("%04d_revision_%d.sql", i, i), "SELECT 1;");
		}
		try (App app = start()) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("history")).hasSize(count);
			assertThat(report.get("current").asString()).isEqualTo(String.format("%04d", count));
		}
	}

	@Test
	void readsDoNotWaitForTheLockWhileWritesDo() throws Exception {
		try (App app = startWritable("migrations.lock.timeout=1s")) {
			List<Map<String, Object>> history = this.db.history();
			try (AutoCloseable lock = holdMigrationLock()) {
				assertThat(app.get("/actuator/migrations").json().get("state").asString()).isEqualTo("UP_TO_DATE");
				assertThat(app.get("/actuator/migrations/002").status()).isEqualTo(200);
				Response blocked = app.post("/actuator/migrations/downgrade", "{\"target\": \"001\"}");
				assertThat(blocked.status()).isEqualTo(500);
				assertThat(blocked.json().get("lastRun").get("error").asString()).containsIgnoringCase("lock");
			}
			assertThat(this.db.history()).isEqualTo(history);
		}
	}

	void migrateTo(String target) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		new Migrator(this.db.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults().withTarget(target), loader)
			.migrate();
	}

	App startWritable(String... properties) {
		List<String> all = new ArrayList<>(List.of("migrations.endpoint.write-operations=true",
				"management.endpoint.migrations.access=unrestricted"));
		all.addAll(List.of(properties));
		return start(all.toArray(String[]::new));
	}

	App start(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.properties("server.port=0", "spring.datasource.url=" + this.db.url(),
					"spring.datasource.username=" + this.db.user(), "spring.datasource.password=" + this.db.password(),
					"migrations.location=" + this.revisions.location(), "migrations.backup.enabled=false",
					"management.endpoints.web.exposure.include=health,migrations,metrics",
					"management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always")
			.properties(properties)
			.run();
		return new App(context, context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	static List<String> revisions(JsonNode array) {
		List<String> ids = new ArrayList<>();
		array.forEach((node) -> ids.add(node.get("revision").asString()));
		return ids;
	}

	static List<String> states(JsonNode array) {
		List<String> states = new ArrayList<>();
		array.forEach((node) -> states.add(node.get("revision").asString() + ":" + node.get("state").asString()));
		return states;
	}

	/**
	 * A running application and an HTTP client for it.
	 */
	record App(ConfigurableApplicationContext context, int port) implements AutoCloseable {

		Response get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET().build());
		}

		Response post(String path, String body) {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		String health() {
			return get("/actuator/health/migrations").json().get("status").asString();
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		private Response send(HttpRequest request) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				return new Response(response.statusCode(), response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status code
	 * @param body the body
	 */
	record Response(int status, String body) {

		JsonNode json() {
			return json.readTree(this.body);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
