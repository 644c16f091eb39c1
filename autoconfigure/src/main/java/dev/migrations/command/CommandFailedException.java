package dev.migrations.command;

import dev.migrations.MigrationException;
import dev.migrations.runner.Migrators;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ExitCodeGenerator;

/**
 * A command failed: the process exits with status 1 after Spring Boot's failure analysis
 * printed what happened and what to do.
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
