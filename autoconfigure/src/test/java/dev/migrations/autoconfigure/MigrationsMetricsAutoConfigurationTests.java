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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.actuate.MigrationsMetrics;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Target;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsMetricsAutoConfigurationTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MetricsAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class));

	@BeforeEach
	void setUp() {
		this.db = TestDatabases.h2();
		this.revisions = RevisionDirectory.in(this.temp)
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);")
			.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER);");
	}

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + this.db.url(),
				"migrations.location=" + this.revisions.location());
	}

	@Test
	void recordsTheStartupRunThatEndedBeforeTheMetersWereBound() {
		withDatabase().withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(
					registry.get("migrations.runs").tags("migrator", "migrator", "outcome", "SUCCESS").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("migrations.revisions.applied").tag("migrator", "migrator").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("migrations.revisions.pending").gauge().value()).isZero();
		});
	}

	@Test
	void recordsLaterRunsThroughTheListener() {
		withDatabase().withBean(SimpleMeterRegistry.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(Migrator.class).upgrade(Target.of("head"));
			assertThat(registry.get("migrations.runs").tag("outcome", "UP_TO_DATE").timer().count()).isEqualTo(1);
			assertThat(registry.get("migrations.runs").tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
			assertThat(registry.get("migrations.revisions.applied").counter().count()).isEqualTo(2);
		});
	}

	@Test
	void backsOffWithoutMeterRegistry() {
		withDatabase().run((context) -> assertThat(context).hasSingleBean(Migrator.class)
			.doesNotHaveBean(MigrationsMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		withDatabase().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsMetrics.class));
	}

}
