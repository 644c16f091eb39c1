package dev.migrations.autoconfigure;

import dev.migrations.MigrationException;
import dev.migrations.command.CommandLine;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Makes sure that a process started with {@code migrations.command} runs it or fails:
 * when no migrator is configured (no single {@code DataSource}, or migrations disabled),
 * the command would otherwise be ignored and the application would start as usual.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnProperty("migrations.command")
public final class MigrationsCommandAutoConfiguration {

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
