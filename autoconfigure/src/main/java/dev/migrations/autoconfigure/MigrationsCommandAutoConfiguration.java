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

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.migrations.MigrationException;
import dev.migrations.internal.command.CommandLine;

/**
 * Makes sure that a process started with {@code migrations.command} runs it or fails:
 * when no migrator is configured (no single {@code DataSource}, or migrations disabled),
 * the command would otherwise be ignored and the application would start as usual.
 *
 * @author Migrations for Spring Boot contributors
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnProperty("migrations.command")
public final class MigrationsCommandAutoConfiguration {

	private MigrationsCommandAutoConfiguration() {
	}

	@Bean
	static SmartInitializingSingleton migrationsCommandGuard(Environment environment) {
		// A command that ran has ended the process while its runner bean was created,
		// before this point.
		return () -> {
			String command = environment.getProperty("migrations.command");
			if (command == null || command.isBlank()) {
				return;
			}
			throw new MigrationException(
					"migrations.command is set, but this application has no migrator to run it: migrations are "
							+ "disabled (migrations.enabled=false) or there is no single DataSource to migrate. "
							+ "Nothing was done.",
					"Run the command against an application whose migrations are enabled and that has one "
							+ "DataSource (or marks the one to migrate), or remove migrations.command.\n"
							+ CommandLine.USAGE);
		};
	}

	@Bean
	static LazyInitializationExcludeFilter migrationsCommandGuardLazyInitializationExcludeFilter() {
		return (name, definition, type) -> "migrationsCommandGuard".equals(name);
	}

}
