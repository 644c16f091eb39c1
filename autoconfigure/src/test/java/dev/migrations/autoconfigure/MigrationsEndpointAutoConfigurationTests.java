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
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.actuate.MigrationsDescriptor;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.WritableMigrationsEndpoint;
import dev.migrations.runner.Migrator;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsEndpointAutoConfigurationTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class));

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

	private ApplicationContextRunner exposed() {
		return withDatabase().withPropertyValues("management.endpoints.web.exposure.include=migrations");
	}

	@Test
	void exposedEndpointHasOnlyReadOperationsByDefault() {
		exposed().run((context) -> {
			assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(WritableMigrationsEndpoint.class);
			assertThat(((MigrationsDescriptor) context.getBean(MigrationsEndpoint.class).migrations()).current())
				.isEqualTo("001");
		});
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		withDatabase().run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithAccessNone() {
		exposed().withPropertyValues("management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutActuator() {
		exposed().withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutMigrator() {
		exposed().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void writeOperationsSwitchRegistersTheWritableEndpointInstead() {
		exposed().withPropertyValues("migrations.endpoint.write-operations=true")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasSingleBean(WritableMigrationsEndpoint.class));
	}

	@Test
	void userDefinedEndpointReplacesTheAutoConfiguredOne() {
		exposed().withPropertyValues("migrations.endpoint.write-operations=true")
			.withBean("customEndpoint", MigrationsEndpoint.class,
					() -> new MigrationsEndpoint(TestMigrators.migrator(this.db, this.revisions.location())))
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasBean("customEndpoint")
				.doesNotHaveBean(WritableMigrationsEndpoint.class));
	}

}
