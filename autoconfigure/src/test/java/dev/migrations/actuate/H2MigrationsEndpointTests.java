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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The endpoint on H2, and how it is exposed, secured and grouped in health: the web
 * wiring, which does not depend on the database, is tested here only.
 *
 * @author Migrations for Spring Boot contributors
 */
class H2MigrationsEndpointTests extends AbstractMigrationsEndpointTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.h2();
	}

	@Override
	String createUserWithPassword(String user, String password) {
		this.db.jdbc().execute("CREATE USER " + user + " PASSWORD '" + password + "' ADMIN");
		return this.db.url() + ";USER=" + user + ";PASSWORD=" + password;
	}

	@Override
	AutoCloseable holdMigrationLock() {
		// Liquibase's table lock, as another instance holds it while it migrates.
		this.db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
					+ "LOCKEDBY = 'another instance' WHERE ID = 1");
		return () -> this.db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL "
					+ "WHERE ID = 1");
	}

	@Test
	void reportsARevisionStartedAndNeverFinishedWithTheWaysOutAndDown() {
		this.revisions.add("003_create_invoices.sql", """
				CREATE TABLE invoices (id INTEGER PRIMARY KEY);
				INSERT INTO carriers (id) VALUES (1);
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrateTo("head"));
		try (App app = start("migrations.mode=none")) {
			JsonNode report = app.get("/actuator/migrations").json();
			assertThat(report.get("state").asString()).isEqualTo("PARTIAL");
			assertThat(report.get("current").asString()).isEqualTo("002");
			JsonNode interrupted = report.get("interrupted");
			assertThat(interrupted.get("revision").asString()).isEqualTo("003");
			assertThat(interrupted.get("direction").asString()).isEqualTo("UPGRADE");
			assertThat(interrupted.get("file").asString()).endsWith("003_create_invoices.sql");
			assertThat(interrupted.get("statementsStarted").asInt()).isEqualTo(1);
			assertThat(interrupted.get("lastStatement").asString()).startsWith("CREATE TABLE invoices");
			assertThat(interrupted.get("startedAt").isNull()).isFalse();
			assertThat(interrupted.get("description").asString()).contains("never finished");
			assertThat(interrupted.get("action").asString()).contains("stamp 003", "repair 003");
			JsonNode health = app.get("/actuator/health/migrations").json();
			assertThat(health.get("status").asString()).isEqualTo("DOWN");
			assertThat(health.get("details").get("interrupted").asString()).startsWith("Revision 003 (");
			assertThat(health.get("details").get("interruptedAction").asString()).contains("repair 003");
		}
	}

	@Test
	void writeOperationsAreNotReachableByDefault() {
		assertWriteOperationsUnreachable();
	}

	@Test
	void writeOperationsAreNotReachableWithOnlyTheMigrationsSwitch() {
		assertWriteOperationsUnreachable("migrations.endpoint.write-operations=true");
	}

	@Test
	void writeOperationsAreNotReachableWithOnlyUnrestrictedAccess() {
		assertWriteOperationsUnreachable("management.endpoint.migrations.access=unrestricted");
		assertWriteOperationsUnreachable("management.endpoints.access.default=unrestricted");
	}

	private void assertWriteOperationsUnreachable(String... properties) {
		try (App app = start(properties)) {
			List<Map<String, Object>> history = this.db.history();
			String lastRun = app.get("/actuator/migrations").json().get("lastRun").toString();
			for (String operation : List.of("downgrade", "upgrade", "stamp")) {
				Response response = app.post("/actuator/migrations/" + operation, "{\"target\": \"001\"}");
				assertThat(response.status()).as(operation).isIn(404, 405);
			}
			assertThat(app.post("/actuator/migrations", "{\"target\": \"001\"}").status()).isIn(404, 405);
			assertThat(this.db.history()).isEqualTo(history);
			assertThat(this.db.tables()).contains("projects");
			assertThat(app.get("/actuator/migrations").json().get("lastRun").toString()).isEqualTo(lastRun);
		}
	}

	@Test
	void healthJoinsTheReadinessGroup() {
		try (App app = start("migrations.mode=none")) {
			Response readiness = app.get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(app.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		}
		try (App app = start()) {
			Response readiness = app.get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(200);
			assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void readinessGroupWithConfiguredMembersIsLeftAlone() {
		try (App app = start("migrations.mode=none",
				"management.endpoint.health.group.readiness.include=readinessState")) {
			assertThat(app.health()).isEqualTo("OUT_OF_SERVICE");
			assertThat(app.get("/actuator/health/readiness").status()).isEqualTo(200);
		}
	}

	@Test
	void endpointIsNotFoundWhenNotExposedOrWithoutAccess() {
		try (App app = start("management.endpoints.web.exposure.include=health")) {
			assertThat(app.get("/actuator/migrations").status()).isEqualTo(404);
		}
		try (App app = start("management.endpoint.migrations.access=none")) {
			assertThat(app.get("/actuator/migrations").status()).isEqualTo(404);
			assertThat(app.get("/actuator/migrations/001").status()).isEqualTo(404);
		}
	}

}
