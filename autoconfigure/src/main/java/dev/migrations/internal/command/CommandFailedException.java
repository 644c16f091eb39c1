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

package dev.migrations.internal.command;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ExitCodeGenerator;

import dev.migrations.MigrationException;
import dev.migrations.runner.Migrators;

/**
 * A command failed: the process exits with status 1 after Spring Boot's failure analysis
 * printed what happened and what to do.
 *
 * @author Migrations for Spring Boot contributors
 */
class CommandFailedException extends MigrationException implements ExitCodeGenerator {

	CommandFailedException(String description, String action, Throwable cause) {
		super(description, action, cause);
	}

	CommandFailedException(String description, String action) {
		super(description, action);
	}

	static CommandFailedException of(CommandLine command, @Nullable String instance, RuntimeException ex) {
		String what = "The command '" + command.command().label() + "'"
				+ ((instance != null) ? " on database instance '" + instance + "'" : "") + " failed: ";
		if (ex instanceof MigrationException migration) {
			return (instance != null)
					? new CommandFailedException(what + Migrators.inSettingsOf(instance, migration.getMessage()),
							Migrators.inSettingsOf(instance, migration.getAction()), ex)
					: new CommandFailedException(what + migration.getMessage(), migration.getAction(), ex);
		}
		return new CommandFailedException(what + ex, "See the cause below.", ex);
	}

	@Override
	public int getExitCode() {
		return MigrationsCommand.FAILED;
	}

}
