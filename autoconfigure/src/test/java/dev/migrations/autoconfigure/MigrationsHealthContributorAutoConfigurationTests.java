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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import dev.migrations.actuate.MigrationsHealthIndicator;
import dev.migrations.internal.runner.MigrationsInitializer;
import dev.migrations.runner.Migrator;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsHealthContributorAutoConfigurationTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class));

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.h2();
		this.revisions = RevisionDirectory.in(this.temp)
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);");
	}

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + this.db.url(),
				"migrations.location=" + this.revisions.location());
	}

	@Test
	void registersTheMigrationsHealthIndicator() {
		withDatabase().run((context) -> {
			assertThat(context).hasSingleBean(MigrationsHealthIndicator.class).hasBean("migrationsHealthContributor");
			assertThat(context.getBean(MigrationsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			assertThat(context.getBean(MigrationsHealthIndicator.class).health().getDetails())
				.containsEntry("current", "001")
				.containsEntry("pending", 0);
		});
	}

	@Test
	void backsOffWhenTheHealthIndicatorIsDisabled() {
		withDatabase().withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		withDatabase().withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
				.doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void backsOffWithoutMigrator() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void userDefinedIndicatorReplacesTheAutoConfiguredOne() {
		withDatabase().withBean("migrationsHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor")
				.doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void severalMigratorsAreKeyedByBeanName() {
		withDatabase().withUserConfiguration(TwoMigratorsConfiguration.class).run((context) -> {
			HealthContributor contributor = context.getBean("migrationsHealthContributor", HealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
			CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
			assertThat(composite.getContributor("mainMigrator")).isInstanceOf(MigrationsHealthIndicator.class);
			assertThat(composite.getContributor("reportingMigrator")).isInstanceOf(MigrationsHealthIndicator.class);
		});
	}

	@Test
	void joinsTheReadinessGroupWhenProbesAreEnabled() {
		withDatabase().run((context) -> assertThat(context).hasSingleBean(HealthEndpointGroupsPostProcessor.class));
	}

	@Test
	void doesNotTouchHealthGroupsWhenProbesAreDisabled() {
		withDatabase().withPropertyValues("management.endpoint.health.probes.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HealthEndpointGroupsPostProcessor.class)
				.hasSingleBean(MigrationsHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoMigratorsConfiguration {

		@Bean
		@Primary
		Migrator mainMigrator(Environment environment) {
			return migrator(environment);
		}

		@Bean
		Migrator reportingMigrator(Environment environment) {
			return migrator(environment);
		}

		@Bean
		MigrationsInitializer migrationsInitializer(Migrator migrator) {
			return new MigrationsInitializer(migrator);
		}

		private static Migrator migrator(Environment environment) {
			TestDatabase db = new TestDatabase("h2", environment.getRequiredProperty("spring.datasource.url"), "sa",
					"");
			return TestMigrators.migrator(db, environment.getRequiredProperty("migrations.location"));
		}

	}

}
