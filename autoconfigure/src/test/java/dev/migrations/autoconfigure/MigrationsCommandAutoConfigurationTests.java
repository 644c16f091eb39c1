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

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command is never ignored: without a migrator to run it, the start fails instead of
 * starting the application. (A command that runs ends the process: that is tested with
 * real processes, in the sample app and the scenarios.)
 */
class MigrationsCommandAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsCommandAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestDatabases.h2().url());

	@Test
	void commandWithMigrationsDisabledFailsInsteadOfStartingTheApplication() {
		this.runner.withPropertyValues("migrations.enabled=false", "migrations.command=upgrade")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(MigrationException.class)
				.hasMessageContaining("migrations.command is set, but this application has no migrator to run it"));
	}

	@Test
	void blankCommandIsNoCommand() {
		this.runner.withPropertyValues("migrations.enabled=false", "migrations.command= ")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutCommandTheGuardIsAbsent() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("migrationsCommandGuard"));
	}

}
