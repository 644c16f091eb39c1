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

import java.nio.file.Path;
import java.util.List;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migrations.JavaRevision;
import dev.migrations.JavaRevisionContext;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A whole Spring Boot application with the starter, including Spring Boot's own Liquibase
 * auto-configuration on the classpath.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsApplicationTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.h2();
		this.revisions = RevisionDirectory.in(this.temp)
			.add("001_create_clients.sql", "CREATE TABLE clients (id INTEGER PRIMARY KEY, name VARCHAR(50));")
			.add("002_add_demo_client.sql", "INSERT INTO clients (id, name) VALUES (1, 'Acme');");
	}

	private ConfigurableApplicationContext run(Class<?> configuration, String... properties) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.db.url(), "migrations.location=" + this.revisions.location())
			.properties(properties)
			.run();
	}

	@Test
	void beansThatUseTheDatabaseAtStartupSeeMigratedTables() {
		try (ConfigurableApplicationContext context = run(ReadsAtStartupApplication.class)) {
			assertThat(context.getBean("clientNamesFromTemplate")).isEqualTo(List.of("Acme"));
			assertThat(context.getBean("clientNamesFromClient")).isEqualTo(List.of("Acme"));
		}
	}

	@Test
	void migratesExactlyOnceWithSpringBootLiquibaseOnTheClasspath(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(PlainApplication.class)) {
			assertThat(context.getBeansOfType(SpringLiquibase.class)).isEmpty();
			assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("001", "002");
			assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM clients", Integer.class)).isEqualTo(1);
		}
		assertThat(output).contains("Applying 001 create clients (1/2)\u2026 done in")
			.contains("Applying 002 add demo client (2/2)\u2026 done in");
	}

	@Test
	void noOpStartLogsOneLine(CapturedOutput output) {
		run(PlainApplication.class).close();
		int before = output.getOut().length();
		run(PlainApplication.class).close();
		String second = output.getOut().substring(before);
		assertThat(second).contains("is up to date at revision 002: nothing to apply (2 revisions checked in")
			.doesNotContain("Applying");
		assertThat(second.lines().filter((line) -> line.contains("Migrator") || line.contains("MigrationEngine")))
			.hasSize(1);
	}

	@Test
	void failedMigrationIsReportedThroughFailureAnalysis(CapturedOutput output) {
		this.revisions.add("003_broken.sql", "INSERT INTO missing_table VALUES (1);");
		assertThatException().isThrownBy(() -> run(PlainApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("Revision 003 broken")
			.contains("003_broken.sql")
			.contains("Statement: INSERT INTO missing_table VALUES (1)")
			.contains("Database error:")
			.contains("at revision 002")
			.contains("Action:")
			.contains("then restart");
	}

	@Test
	void passwordNeverAppearsInLogsOrFailures(CapturedOutput output) {
		this.revisions.add("003_broken.sql", "INSERT INTO missing_table VALUES (1);");
		String secret = "s3cret-Pa55word";
		this.db.jdbc().execute("CREATE USER migrator PASSWORD '" + secret + "' ADMIN");
		assertThatException().isThrownBy(() -> run(PlainApplication.class, "spring.datasource.username=migrator",
				"spring.datasource.password=" + secret, "migrations.url=" + this.db.url() + ";PASSWORD=" + secret,
				"migrations.user=migrator", "migrations.password=" + secret));
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain(secret);
	}

	@Test
	void javaRevisionBeansRunAmongTheFilesBeforeTheApplicationReadsTheDatabase() {
		this.revisions.add("004_add_client_codes.sql", "ALTER TABLE clients ADD COLUMN code VARCHAR(10);");
		try (ConfigurableApplicationContext context = run(JavaRevisionApplication.class)) {
			assertThat(this.db.history()).extracting((row) -> row.get("ID"))
				.containsExactly("001", "002", "003", "004");
			assertThat(context.getBean("clientNamesFromTemplate")).isEqualTo(List.of("Acme", "Globex"));
		}
	}

	@Test
	void javaRevisionThatNeedsTheMigratedDatabaseFailsSayingWhy(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(JavaRevisionNeedingJdbcTemplateApplication.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A Java revision bean could not be created when the migrations ran")
			.contains("inject none of them into a JavaRevision");
		assertThat(this.db.tables()).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class JavaRevisionApplication {

		@Bean
		JavaRevision addGlobex() {
			return new JavaRevision() {

				@Override
				public String id() {
					return "003";
				}

				@Override
				public void upgrade(JavaRevisionContext context) {
					context.jdbcClient().sql("INSERT INTO clients (id, name) VALUES (2, 'Globex')").update();
				}

			};
		}

		@Bean
		List<String> clientNamesFromTemplate(JdbcTemplate jdbcTemplate) {
			return jdbcTemplate.queryForList("SELECT name FROM clients ORDER BY id", String.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class JavaRevisionNeedingJdbcTemplateApplication {

		@Bean
		JavaRevision needsJdbcTemplate(JdbcTemplate jdbcTemplate) {
			return new JavaRevision() {

				@Override
				public String id() {
					return "003";
				}

				@Override
				public void upgrade(JavaRevisionContext context) {
					jdbcTemplate.update("INSERT INTO clients (id, name) VALUES (2, 'Globex')");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ReadsAtStartupApplication {

		@Bean
		List<String> clientNamesFromTemplate(JdbcTemplate jdbcTemplate) {
			return jdbcTemplate.queryForList("SELECT name FROM clients", String.class);
		}

		@Bean
		List<String> clientNamesFromClient(JdbcClient jdbcClient) {
			return jdbcClient.sql("SELECT name FROM clients").query(String.class).list();
		}

	}

}
