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

package dev.migrations.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application with two databases, each migrated from properties as an instance of
 * {@code migrations.instances}: the way a user with an orders database and a billing
 * database would set it up.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsInstancesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path temp;

	TestDatabase orders;

	TestDatabase billing;

	RevisionDirectory orderRevisions;

	RevisionDirectory billingRevisions;

	@BeforeEach
	void setUp() {
		this.orders = TestDatabases.h2();
		this.billing = TestDatabases.h2();
		this.orderRevisions = RevisionDirectory.in(this.temp.resolve("orders"))
			.add("001_create_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, item VARCHAR(50));")
			.add("002_add_first_order.sql", "INSERT INTO orders (id, item) VALUES (1, 'book');");
		this.billingRevisions = RevisionDirectory.in(this.temp.resolve("billing"))
			.add("001_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total NUMERIC(10, 2));")
			.add("002_add_first_invoice.sql", "INSERT INTO invoices (id, total) VALUES (7, 12.50);")
			.add("003_create_payments.sql", "CREATE TABLE payments (id INTEGER PRIMARY KEY);");
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(TwoDatabasesApplication.class).web(WebApplicationType.NONE)
			.properties(properties(properties))
			.run();
	}

	private String[] properties(String... more) {
		List<String> properties = new ArrayList<>(List.of("app.orders.url=" + this.orders.url(),
				"app.orders.username=" + this.orders.user(), "app.orders.password=" + this.orders.password(),
				"app.billing.url=" + this.billing.url(), "app.billing.username=" + this.billing.user(),
				"app.billing.password=" + this.billing.password(),
				"migrations.instances.orders.data-source=ordersDataSource",
				"migrations.instances.orders.location=" + this.orderRevisions.location(),
				"migrations.instances.billing.data-source=billingDataSource",
				"migrations.instances.billing.location=" + this.billingRevisions.location(),
				"migrations.instances.billing.history-table=BILLING_HISTORY", "migrations.backup.enabled=false",
				"migrations.instances.orders.backup.enabled=false",
				"migrations.instances.billing.backup.enabled=false"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	@Test
	void migratesEachDatabaseFromItsOwnRevisionsIntoItsOwnHistory() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(this.orders.tables()).containsExactlyInAnyOrder("orders", "databasechangelog",
					"databasechangeloglock");
			assertThat(this.orders.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
			assertThat(this.billing.tables()).containsExactlyInAnyOrder("invoices", "payments", "billing_history",
					"billing_historylock");
			assertThat(this.billing.history("BILLING_HISTORY")).extracting((row) -> row.get("ID"))
				.containsExactly("001", "002", "003");
			// Beans that use the second database at startup see its tables too.
			assertThat(context.getBean("invoiceTotals")).isEqualTo(List.of("12.50"));
			Migrators migrators = context.getBean(Migrators.class);
			assertThat(migrators.names()).containsExactly("billing", "orders");
			assertThat(migrators.get("orders").status().current()).isEqualTo("002");
			assertThat(migrators.get("billing").status().current()).isEqualTo("003");
			assertThat(context.getBeansOfType(Migrator.class)).isEmpty();
		}
	}

	@Test
	void migratesAPostgresqlDatabaseThroughAConnectionOfItsOwnNextToAnH2One() {
		this.billing = TestDatabases.postgres();
		try (ConfigurableApplicationContext context = run("app.billing.url=" + this.billing.url(),
				"app.billing.username=" + this.billing.user(), "app.billing.password=" + this.billing.password(),
				// No DataSource bean for this one: its own URL and credentials
				"migrations.instances.billing.data-source=", "migrations.instances.billing.url=" + this.billing.url(),
				"migrations.instances.billing.user=" + this.billing.user(),
				"migrations.instances.billing.password=" + this.billing.password())) {
			assertThat(this.orders.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
			assertThat(this.billing.tables()).contains("invoices", "payments", "billing_history");
			assertThat(this.billing.history("BILLING_HISTORY")).extracting((row) -> row.get("ID"))
				.containsExactly("001", "002", "003");
			assertThat(context.getBean(Migrators.class).get("billing").status().database().product())
				.isEqualTo("PostgreSQL");
		}
	}

	@Test
	void migratesTwoPostgresqlDataSourcesEachUnderItsOwnLock() {
		this.orders = TestDatabases.postgres();
		this.billing = TestDatabases.postgres();
		try (ConfigurableApplicationContext context = run("app.orders.url=" + this.orders.url(),
				"app.orders.username=" + this.orders.user(), "app.orders.password=" + this.orders.password(),
				"app.billing.url=" + this.billing.url(), "app.billing.username=" + this.billing.user(),
				"app.billing.password=" + this.billing.password())) {
			assertThat(this.orders.tables()).contains("orders", "databasechangelog").doesNotContain("invoices");
			assertThat(this.orders.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
			assertThat(this.billing.tables()).contains("invoices", "payments", "billing_history")
				.doesNotContain("orders");
			assertThat(this.billing.history("BILLING_HISTORY")).hasSize(3);
			assertThat(context.getBean("invoiceTotals")).isEqualTo(List.of("12.50"));
		}
	}

	@Test
	void runsTheInstancesInTheirOrderThenByName(CapturedOutput output) {
		run("migrations.instances.orders.order=-1").close();
		assertThat(output).contains("Migrating database instance 'orders' (1/2)")
			.contains("Migrating database instance 'billing' (2/2)");
		assertThat(output.getOut().indexOf("Migrating database instance 'orders'"))
			.isLessThan(output.getOut().indexOf("Migrating database instance 'billing'"));
	}

	@Test
	void javaRevisionsNextToSeveralDatabasesFailTheStartBeforeWriting(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> new SpringApplicationBuilder(TwoDatabasesApplication.class, JavaRevisionConfiguration.class)
					.web(WebApplicationType.NONE)
					.properties(properties())
					.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Java revisions are supported for a single database only");
		assertThat(this.orders.tables()).isEmpty();
		assertThat(this.billing.tables()).isEmpty();
	}

	@Test
	void aFailingInstanceSaysWhichOneAndLeavesTheOthersMigrated(CapturedOutput output) {
		this.orderRevisions.add("003_broken.sql", "INSERT INTO missing_table VALUES (1);");
		assertThatException().isThrownBy(() -> run("migrations.instances.orders.order=1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Database instance 'orders' (2 of 2): Revision 003 broken")
			.contains("The settings of this database are under migrations.instances.orders.");
		assertThat(this.billing.history("BILLING_HISTORY")).hasSize(3);
		assertThat(this.orders.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
	}

	@Test
	void warnsAboutTopLevelDatabaseSettingsThatInstancesDoNotUse(CapturedOutput output) {
		run("migrations.location=classpath:db/other/", "migrations.target=001").close();
		assertThat(output)
			.contains("migrations.location, migrations.target set next to migrations.instances: not used");
		assertThat(this.orders.history()).hasSize(2);
	}

	@Test
	void anInstanceThatNamesNoDatabaseFailsListingTheDataSources(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("migrations.instances.billing.data-source="));
		assertThat(output).contains("Database instance 'billing' names no database. The DataSource beans are: ")
			.contains("ordersDataSource")
			.contains("Set migrations.instances.billing.data-source to the bean name of its DataSource");
		assertThat(this.orders.tables()).isEmpty();
	}

	@Test
	void anInstanceThatNamesAMissingDataSourceFails(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("migrations.instances.billing.data-source=invoicesDataSource"));
		assertThat(output)
			.contains("migrations.instances.billing.data-source=invoicesDataSource names no DataSource bean");
	}

	@Test
	void anInvalidInstanceSettingNamesTheInstanceBeforeAnythingIsWritten(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("migrations.instances.billing.target=not a revision!"));
		assertThat(output).contains("Database instance 'billing': Invalid value 'not a revision!' for")
			.contains("The settings of this database are under migrations.instances.billing.");
		assertThat(this.orders.tables()).isEmpty();
		assertThat(this.billing.tables()).isEmpty();
	}

	@Test
	void anInstanceAheadOfTheCodeNamesTheInstanceSettingNotTheTopLevelOne(CapturedOutput output) {
		run().close();
		this.billing.jdbc()
			.execute("INSERT INTO BILLING_HISTORY (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, "
					+ "EXECTYPE, TAG) VALUES ('004', 'x', '004_from_a_newer_version.sql', CURRENT_TIMESTAMP, 4, "
					+ "'EXECUTED', '004')");
		assertThatException().isThrownBy(() -> run("migrations.instances.billing.on-unknown-revisions=fail"));
		assertThat(output).contains("migrations.instances.billing.on-unknown-revisions=warn")
			.doesNotContain(" migrations.on-unknown-revisions");
	}

	@Test
	void anInstanceThatStartsAheadOfTheCodeLogsTheInstanceSetting(CapturedOutput output) {
		run().close();
		this.billing.jdbc()
			.execute("INSERT INTO BILLING_HISTORY (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, "
					+ "EXECTYPE, TAG) VALUES ('004', 'x', '004_from_a_newer_version.sql', CURRENT_TIMESTAMP, 4, "
					+ "'EXECUTED', '004')");
		run().close();
		assertThat(output).contains("Starting anyway (migrations.instances.billing.on-unknown-revisions=warn)")
			.doesNotContain("(migrations.on-unknown-revisions=warn)");
	}

	@Test
	void anInvalidInstanceValueNamesTheInstanceProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("migrations.instances.billing.target=not a revision!"));
		assertThat(output).contains("for migrations.instances.billing.target").doesNotContain("for migrations.target");
	}

	@Test
	void aDisabledInstanceIsNotMigrated() {
		try (ConfigurableApplicationContext context = run("migrations.instances.orders.enabled=false")) {
			assertThat(this.orders.tables()).isEmpty();
			assertThat(this.billing.tables()).contains("invoices");
			assertThat(context.getBean(Migrators.class).names()).containsExactly("billing");
		}
	}

	@Test
	void eachInstanceHasItsOwnSettings() {
		try (ConfigurableApplicationContext context = run("migrations.instances.billing.target=002",
				"migrations.instances.orders.mode=none")) {
			assertThat(this.billing.history("BILLING_HISTORY")).extracting((row) -> row.get("ID"))
				.containsExactly("001", "002");
			assertThat(this.orders.tables()).isEmpty();
		}
	}

	@Test
	void eachInstanceHasADriftCheckOfItsOwn() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwoDatabasesApplication.class)
			.properties(properties("server.port=0", "migrations.instances.orders.drift.ignore=audit_*",
					"management.endpoints.web.exposure.include=migrations"))
			.run()) {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			this.orders.jdbc().execute("CREATE TABLE audit_log (id INTEGER)");
			this.orders.jdbc().execute("CREATE TABLE shadow_copy (id INTEGER)");
			JsonNode orders = get(port, "/actuator/migrations/orders/drift");
			assertThat(orders.get("drift").asBoolean()).isTrue();
			assertThat(orders.get("differences")).singleElement()
				.satisfies((difference) -> assertThat(difference.get("object").asString())
					.isEqualToIgnoringCase("table `shadow_copy`"));
			assertThat(get(port, "/actuator/migrations/billing/drift").get("drift").asBoolean()).isFalse();
		}
	}

	@Test
	void endpointHealthAndMetricsReportEveryInstance() {
		this.billingRevisions.add("004_create_refunds.sql", "CREATE TABLE refunds (id INTEGER PRIMARY KEY);");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwoDatabasesApplication.class)
			.properties(properties("server.port=0", "migrations.instances.billing.target=003",
					"management.endpoints.web.exposure.include=health,migrations",
					"management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always"))
			.run()) {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			JsonNode report = get(port, "/actuator/migrations");
			assertThat(report.propertyNames()).containsExactly("instances");
			JsonNode instances = report.get("instances");
			assertThat(instances.propertyNames()).containsExactly("billing", "orders");
			JsonNode billingReport = instances.get("billing");
			assertThat(billingReport.get("state").asString()).isEqualTo("UP_TO_DATE");
			assertThat(billingReport.get("current").asString()).isEqualTo("003");
			assertThat(billingReport.get("heads").get(0).asString()).isEqualTo("004");
			assertThat(billingReport.get("target").asString()).isEqualTo("003");
			assertThat(billingReport.get("history")).hasSize(3);
			assertThat(billingReport.get("lastRun").get("outcome").asString()).isEqualTo("SUCCESS");
			JsonNode ordersReport = instances.get("orders");
			assertThat(ordersReport.get("current").asString()).isEqualTo("002");
			assertThat(ordersReport.get("database").get("url").asString())
				.startsWith(this.orders.url().substring(0, this.orders.url().indexOf(';')));
			assertThat(ordersReport.propertyNames()).containsExactly("database", "state", "current", "heads", "target",
					"pending", "history", "lastRun", "interrupted");
			assertThat(ordersReport.get("interrupted").isNull()).isTrue();
			// One instance's report, and one revision of an instance
			assertThat(get(port, "/actuator/migrations/orders")).isEqualTo(ordersReport);
			assertThat(get(port, "/actuator/migrations/billing/2").get("description").asString())
				.isEqualTo("add first invoice");
			assertThat(status(port, "/actuator/migrations/shipping")).isEqualTo(404);
			assertThat(status(port, "/actuator/migrations/billing/999")).isEqualTo(404);
			// Health: one component per instance
			JsonNode health = get(port, "/actuator/health/migrations");
			assertThat(health.get("components").propertyNames()).containsExactlyInAnyOrder("billing", "orders");
			assertThat(health.get("components").get("orders").get("status").asString()).isEqualTo("UP");
			assertThat(health.get("components").get("billing").get("details").get("current").asString())
				.isEqualTo("003");
			assertThat(get(port, "/actuator/health/migrations/billing").get("status").asString()).isEqualTo("UP");
			// Metrics: tagged with the instance name
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions.applied").tag("migrator", "billing").counter().count())
				.isEqualTo(3);
			assertThat(registry.get("migrations.revisions.applied").tag("migrator", "orders").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("migrations.revisions.pending").tag("migrator", "billing").gauge().value())
				.isZero();
		}
	}

	@Test
	void anInstanceThatCannotBeReadIsReportedBesideTheOthers() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwoDatabasesApplication.class)
			.properties(properties("server.port=0",
					"migrations.instances.archive.url=jdbc:postgresql://127.0.0.1:1/archive",
					"migrations.instances.archive.mode=none",
					"management.endpoints.web.exposure.include=health,migrations",
					"management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always"))
			.run()) {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			JsonNode instances = get(port, "/actuator/migrations").get("instances");
			assertThat(instances.propertyNames()).containsExactly("archive", "billing", "orders");
			assertThat(instances.get("archive").get("error").asString()).contains("Cannot connect");
			assertThat(instances.get("orders").get("state").asString()).isEqualTo("UP_TO_DATE");
			JsonNode health = get(port, "/actuator/health/migrations");
			assertThat(health.get("status").asString()).isEqualTo("DOWN");
			assertThat(health.get("components").get("archive").get("status").asString()).isEqualTo("DOWN");
			assertThat(health.get("components").get("billing").get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void healthIsOutOfServiceWhileOneInstanceIsBehind() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwoDatabasesApplication.class)
			.properties(properties("server.port=0", "migrations.instances.orders.mode=none",
					"management.endpoints.web.exposure.include=health",
					"management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always"))
			.run()) {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			JsonNode health = get(port, "/actuator/health/migrations");
			assertThat(health.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(health.get("components").get("orders").get("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(health.get("components").get("orders").get("details").get("pending").asInt()).isEqualTo(2);
			assertThat(health.get("components").get("billing").get("status").asString()).isEqualTo("UP");
			assertThat(status(port, "/actuator/health/readiness")).isEqualTo(503);
		}
	}

	@Test
	void writeOperationsAreRefusedWithSeveralInstances(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> new SpringApplicationBuilder(TwoDatabasesApplication.class)
					.properties(properties("server.port=0", "migrations.endpoint.write-operations=true",
							"management.endpoints.web.exposure.include=migrations"))
					.run());
		assertThat(output).contains("the endpoint's write operations migrate one database, and this application "
				+ "has several (billing, orders)");
	}

	@Test
	void preloadsTheRevisionsOfEveryInstance() {
		try (ConfigurableApplicationContext context = run()) {
			MigrationsRevisionPreloader.RevisionPreload preload = context.getBean(MigrationsRevisionPreloader.BEAN_NAME,
					MigrationsRevisionPreloader.RevisionPreload.class);
			assertThat(preload.sources()).containsOnlyKeys(this.orderRevisions.location(),
					this.billingRevisions.location());
		}
	}

	private static JsonNode get(int port, String path) {
		return json.readTree(send(port, path).body());
	}

	private static int status(int port, String path) {
		return send(port, path).statusCode();
	}

	private static HttpResponse<String> send(int port, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class JavaRevisionConfiguration {

		@Bean
		dev.migrations.JavaRevision javaRevision() {
			return new dev.migrations.JavaRevision() {

				@Override
				public String id() {
					return "900";
				}

				@Override
				public void upgrade(dev.migrations.JavaRevisionContext context) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TwoDatabasesApplication {

		@Bean
		@Primary
		DataSource ordersDataSource(Environment environment) {
			return dataSource(environment, "app.orders");
		}

		@Bean
		DataSource billingDataSource(Environment environment) {
			return dataSource(environment, "app.billing");
		}

		@Bean
		JdbcTemplate billingJdbcTemplate(@Qualifier("billingDataSource") DataSource billing) {
			return new JdbcTemplate(billing);
		}

		@Bean
		List<String> invoiceTotals(@Qualifier("billingJdbcTemplate") JdbcTemplate billing) {
			return billing.queryForList("SELECT CAST(total AS VARCHAR(20)) FROM invoices", String.class);
		}

		private static DataSource dataSource(Environment environment, String prefix) {
			return DataSourceBuilder.create()
				.url(environment.getRequiredProperty(prefix + ".url"))
				.username(environment.getProperty(prefix + ".username"))
				.password(environment.getProperty(prefix + ".password"))
				.build();
		}

	}

}
