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

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migrations.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * The sample app started as a user starts it, against a real database of its own: the
 * revisions are applied at startup and the API serves what they created. Run once on H2
 * and once on PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractTimeTrackerApplicationTests {

	private static final List<String> PROJECT_COSTS_COLUMNS = List.of("id", "project_id", "user_id", "description",
			"category", "amount", "currency_code", "billable", "invoiced", "invoice_id", "cost_date", "notes",
			"receipt_path", "created_at", "updated_at");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The database the application was started on.
	 * @return the database
	 */
	abstract TestDatabase database();

	/**
	 * The names of a table's indexes other than its primary key's, lower case.
	 * @param table the table, lower case
	 * @return the index names
	 */
	abstract List<String> secondaryIndexes(String table);

	@Test
	void recordsEveryRevisionAsExecutedAtStartup() {
		List<String> revisions = IntStream.rangeClosed(1, 18).mapToObj("%03d"::formatted).toList();
		List<Map<String, Object>> history = database().history();
		assertThat(history).extracting((row) -> row.get("ID")).containsExactlyElementsOf(revisions);
		assertThat(history).extracting((row) -> row.get("EXECTYPE")).containsOnly("EXECUTED");
	}

	@Test
	void createsProjectCostsTableWithItsColumnsIndexesAndForeignKeys() {
		assertThat(database().tables()).contains("project_costs");
		assertThat(columns("project_costs")).containsExactlyInAnyOrderElementsOf(PROJECT_COSTS_COLUMNS);
		assertThat(secondaryIndexes("project_costs")).containsExactlyInAnyOrder("ix_project_costs_project_id",
				"ix_project_costs_user_id", "ix_project_costs_cost_date", "ix_project_costs_invoice_id");
		assertThat(foreignKeys("project_costs")).containsOnly(
				entry("fk_project_costs_project_id", "projects ON DELETE CASCADE"),
				entry("fk_project_costs_user_id", "users ON DELETE CASCADE"),
				entry("fk_project_costs_invoice_id", "invoices ON DELETE SET NULL"));
	}

	@Test
	void projectCostsRejectNegativeAmountsAndUnknownCategories() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertCost("Refund", "travel", "-10.00"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertCost("Gift", "bribes", "10.00"));
	}

	@Test
	void dataRevisionInsertsDefaultSettings() {
		List<String> settings = this.jdbc.sql("SELECT name FROM settings").query(String.class).list();
		assertThat(settings).contains("timezone", "currency", "invoice_prefix");
	}

	@Test
	void listsTheDemoProjectWithItsClient() throws Exception {
		HttpResponse<String> response = get("/api/projects");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		String json = response.body();
		assertThat(JsonPath.<List<String>>read(json, "$[*].name")).containsExactly("Website Relaunch");
		assertThat(JsonPath.<String>read(json, "$[0].clientName")).isEqualTo("Acme Corporation");
		assertThat(JsonPath.<Boolean>read(json, "$[0].billable")).isTrue();
		assertThat(JsonPath.<Double>read(json, "$[0].hourlyRate")).isEqualTo(85.0);
		assertThat(JsonPath.<String>read(json, "$[0].status")).isEqualTo("active");
	}

	@Test
	void listsTheCostsOfAProject() throws Exception {
		int projectId = demoProjectId();
		insertCost("Train to the client's office", "travel", "42.50");
		HttpResponse<String> response = get("/api/projects/" + projectId + "/costs");
		assertThat(response.statusCode()).isEqualTo(200);
		String json = response.body();
		assertThat(JsonPath.<List<String>>read(json, "$[*].description"))
			.containsExactly("Train to the client's office");
		assertThat(JsonPath.<String>read(json, "$[0].category")).isEqualTo("travel");
		assertThat(JsonPath.<Double>read(json, "$[0].amount")).isEqualTo(42.5);
		assertThat(JsonPath.<String>read(json, "$[0].currencyCode")).isEqualTo("EUR");
		assertThat(JsonPath.<Boolean>read(json, "$[0].invoiced")).isFalse();
		assertThat(JsonPath.<String>read(json, "$[0].costDate")).isEqualTo(LocalDate.now().toString());
	}

	@Test
	void answersNotFoundForCostsOfAnUnknownProject() throws Exception {
		assertThat(get("/api/projects/999999/costs").statusCode()).isEqualTo(404);
	}

	@Test
	void reportsHealthUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	void reportsEveryRevisionOnTheMigrationsEndpoint() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.state")).isEqualTo("UP_TO_DATE");
		assertThat(JsonPath.<String>read(response.body(), "$.current")).isEqualTo("018");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.history[*].revision")).hasSize(18).endsWith("018");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.lastRun.applied")).hasSize(18);
		assertThat(JsonPath.<String>read(response.body(), "$.lastRun.outcome")).isEqualTo("SUCCESS");
		assertThat(JsonPath.<Boolean>read(get("/actuator/migrations/018").body(), "$.downgradable")).isTrue();
	}

	private List<String> columns(String table) {
		return this.jdbc
			.sql("SELECT lower(column_name) FROM information_schema.columns "
					+ "WHERE lower(table_name) = :table AND table_schema = current_schema")
			.param("table", table)
			.query(String.class)
			.list();
	}

	/**
	 * The foreign keys of a table, each as "referenced table ON DELETE rule", from the
	 * standard information schema that both H2 and PostgreSQL have.
	 */
	private Map<String, String> foreignKeys(String table) {
		return this.jdbc.sql("""
				SELECT lower(tc.constraint_name) AS name, lower(referenced.table_name) AS referenced_table,
				       rc.delete_rule
				FROM information_schema.table_constraints tc
				JOIN information_schema.referential_constraints rc
				  ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
				JOIN information_schema.table_constraints referenced
				  ON referenced.constraint_schema = rc.unique_constraint_schema
				 AND referenced.constraint_name = rc.unique_constraint_name
				WHERE tc.constraint_type = 'FOREIGN KEY' AND lower(tc.table_name) = :table
				  AND tc.table_schema = current_schema
				""").param("table", table).query((rs) -> {
			Map<String, String> keys = new TreeMap<>();
			while (rs.next()) {
				keys.put(rs.getString("name"),
						rs.getString("referenced_table") + " ON DELETE " + rs.getString("delete_rule"));
			}
			return keys;
		});
	}

	private int demoProjectId() {
		return this.jdbc.sql("SELECT id FROM projects WHERE name = 'Website Relaunch'").query(Integer.class).single();
	}

	private void insertCost(String description, String category, String amount) {
		this.jdbc.sql("""
				INSERT INTO project_costs (project_id, user_id, description, category, amount, cost_date)
				SELECT p.id, u.id, :description, :category, :amount, :costDate
				FROM projects p, users u
				WHERE p.name = 'Website Relaunch' AND u.username = 'admin'
				""")
			.param("description", description)
			.param("category", category)
			.param("amount", new BigDecimal(amount))
			.param("costDate", LocalDate.now())
			.update();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
