package dev.migrations.autoconfigure;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
