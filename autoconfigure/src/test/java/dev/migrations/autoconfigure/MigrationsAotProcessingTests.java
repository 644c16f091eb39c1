package dev.migrations.autoconfigure;

import java.nio.file.Path;

import dev.migrations.runner.MigrationsInitializer;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.aot.AbstractAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsAotProcessingTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void neverMigratesTheBuildTimeDatabaseWhileSpringAotProcessesTheApplication() {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp)
			.add("001_users.sql", "CREATE TABLE users (id INT);");
		this.contextRunner.withSystemProperties(AbstractAotProcessor.AOT_PROCESSING + "=true")
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=" + revisions.location())
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsInitializer.class);
				assertThat(db.tables()).isEmpty();
			});
	}

}
