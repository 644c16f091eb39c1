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
import java.util.Map;

import javax.sql.DataSource;

import liquibase.change.DatabaseChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.MigrationsInitializer;
import dev.migrations.internal.runner.PreloadedRevisionSource;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

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
	void migratesAtStartupWhenDataSourceIsPresent() {
		withDatabase().run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigrationsInitializer.class);
			assertThat(this.db.tables()).contains("users", "databasechangelog");
		});
	}

	@Test
	void theSingleDatabaseIsOneMigratorNamedMigrator() {
		withDatabase().run((context) -> {
			Migrators migrators = context.getBean(Migrators.class);
			assertThat(migrators.names()).containsExactly("migrator");
			assertThat(migrators.get("migrator")).isSameAs(context.getBean(Migrator.class));
		});
	}

	@Test
	void placeholdersAndRepairAreBoundFromProperties() {
		this.revisions.add("002_create_roles.sql", "CREATE TABLE ${prefix}roles (id INTEGER);");
		withDatabase().withPropertyValues("migrations.placeholders.prefix=acme_").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.db.tables()).contains("acme_roles");
		});
		this.revisions.add("002_create_roles.sql", "-- roles of a customer\nCREATE TABLE ${prefix}roles (id INTEGER);");
		withDatabase().withPropertyValues("migrations.placeholders.prefix=other_", "migrations.repair=002")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.db.history()).extracting((row) -> (String) row.get("COMMENTS"))
					.anyMatch((comments) -> comments.contains("repaired by migrations"));
				assertThat(this.db.tables()).doesNotContain("other_roles");
			});
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(Migrator.class).doesNotHaveBean(MigrationsInitializer.class);
			assertThat(this.db.tables()).isEmpty();
		});
	}

	@Test
	void backsOffWhenLiquibaseIsMissing() {
		withDatabase().withClassLoader(new FilteredClassLoader(DatabaseChange.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
	}

	@Test
	void userDefinedMigratorReplacesTheAutoConfiguredOne() {
		withDatabase().withUserConfiguration(CustomMigratorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(context.getBean(Migrator.class)).isSameAs(context.getBean("customMigrator"));
			assertThat(context.getBean(MigrationsInitializer.class).getMigrator())
				.isSameAs(context.getBean("customMigrator"));
			assertThat(this.db.tables()).contains("custom");
		});
	}

	@Test
	void userDefinedInitializerReplacesTheAutoConfiguredOne() {
		withDatabase().withBean("customInitializer", MigrationsInitializer.class,
				() -> new MigrationsInitializer((Migrator) null) {
					@Override
					public void afterPropertiesSet() {
						// migrates later, on the application's own terms
					}
				})
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsInitializer.class).hasBean("customInitializer");
				assertThat(this.db.tables()).isEmpty();
			});
	}

	@Test
	void failsToStartOnDriftWhenTheStartupCheckSaysFail() {
		this.db.jdbc().execute("CREATE TABLE notes (id INTEGER)");
		this.revisions.add("002_create_notes.sql", "CREATE TABLE notes (id INTEGER);");
		withDatabase().withPropertyValues("migrations.stamp=head", "migrations.drift.on-startup=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("differs from what its revisions produce (revision 002)")
					.containsIgnoringCase("table `users` missing: expected a table (created by 001)");
				assertThat(analysis.getAction()).contains("migrations.drift.ignore");
			});
	}

	@Test
	void warnsAboutDriftAndStartsWhenTheStartupCheckSaysWarn(CapturedOutput output) {
		withDatabase().withPropertyValues("migrations.drift.on-startup=warn", "migrations.drift.ignore=users.x*")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("is what its revisions produce (revision 001)");
				this.db.jdbc().execute("ALTER TABLE users ADD COLUMN xtra INTEGER");
				this.db.jdbc().execute("ALTER TABLE users ADD COLUMN email VARCHAR(200)");
				assertThat(context.getBean(Migrator.class).drift().differences()).singleElement()
					.satisfies((difference) -> assertThat(difference.name()).isEqualToIgnoringCase("email"));
			});
	}

	@Test
	void adoptsAFlywayDatabaseAtStartupWhenAsked() {
		this.db.jdbc().execute("CREATE TABLE users (id INTEGER)");
		org.flywaydb.core.Flyway.configure().dataSource(this.db.url(), "sa", "").baselineVersion("1").load().baseline();
		this.revisions.add("002_create_notes.sql", "CREATE TABLE notes (id INTEGER);");
		withDatabase().withPropertyValues("migrations.adopt=flyway").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).status().history())
				.extracting((revision) -> revision.revision() + ":" + revision.state())
				.containsExactly("001:ADOPTED", "002:APPLIED");
		});
	}

	@Test
	void failsToStartOnDuplicateRevisionsWithAnAnalysis() {
		this.revisions.add("1_create_accounts.sql", "CREATE TABLE accounts (id INTEGER);");
		withDatabase().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(MigrationException.class);
			MigrationException cause = (MigrationException) rootCause(context.getStartupFailure());
			FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Revision 1 is defined twice", "001_create_users.sql",
					"1_create_accounts.sql");
			assertThat(analysis.getAction()).isEqualTo(cause.getAction());
			assertThat(this.db.tables()).isEmpty();
		});
	}

	@Test
	void migratesFromTheRevisionsReadInTheBackgroundWhenTheContextWasPrepared(CapturedOutput output) {
		debugLogging(() -> withDatabase().withInitializer(new MigrationsRevisionPreloader()).run((context) -> {
			assertThat(context).hasBean(MigrationsRevisionPreloader.BEAN_NAME);
			assertThat(this.db.tables()).contains("users", "databasechangelog");
		}));
		assertThat(output)
			.contains("Using the 1 revisions of " + this.revisions.location() + " read in the background");
	}

	@Test
	void readsTheRevisionsItselfWhenTheBackgroundReadIsForAnotherLocation(CapturedOutput output) {
		RevisionDirectory other = RevisionDirectory.in(this.temp.resolve("other"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER);");
		// The location changes after the preloader has read the environment.
		debugLogging(() -> withDatabase().withInitializer(new MigrationsRevisionPreloader())
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("later", Map.of("migrations.location", other.location()))))
			.run((context) -> assertThat(this.db.tables()).contains("accounts").doesNotContain("users")));
		assertThat(output).doesNotContain("read in the background");
	}

	private static void debugLogging(Runnable action) {
		LoggingSystem logging = LoggingSystem.get(MigrationsAutoConfigurationTests.class.getClassLoader());
		logging.setLogLevel(PreloadedRevisionSource.class.getName(), LogLevel.DEBUG);
		try {
			action.run();
		}
		finally {
			logging.setLogLevel(PreloadedRevisionSource.class.getName(), null);
		}
	}

	@Test
	void doesNotReadRevisionsInTheBackgroundWhenNotMigratingAtStartup() {
		ApplicationContextRunner preloading = withDatabase().withInitializer(new MigrationsRevisionPreloader());
		preloading.withPropertyValues("migrations.mode=none")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsRevisionPreloader.BEAN_NAME));
		preloading.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsRevisionPreloader.BEAN_NAME));
		preloading.withPropertyValues("migrations.changelog=classpath:db/changelog/master.yaml")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsRevisionPreloader.BEAN_NAME));
	}

	@Test
	void failsToStartOnRevisionsReadInTheBackgroundWithTheSameAnalysis() {
		this.revisions.add("1_create_accounts.sql", "CREATE TABLE accounts (id INTEGER);");
		withDatabase().withInitializer(new MigrationsRevisionPreloader()).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Revision 1 is defined twice", "001_create_users.sql",
					"1_create_accounts.sql");
			assertThat(this.db.tables()).isEmpty();
		});
	}

	@Test
	void failsToStartOnInvalidPropertyValue() {
		withDatabase().withPropertyValues("migrations.target=not a revision!").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Invalid value 'not a revision!' for migrations.target");
			assertThat(this.db.tables()).isEmpty();
		});
	}

	@Test
	void failsToStartWhenSpringBootLiquibaseIsExplicitlyEnabledToo() {
		withDatabase().withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
			.withPropertyValues("spring.liquibase.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("Liquibase would run twice")
					.isInstanceOf(MigrationException.class);
				assertThat(((MigrationException) rootCause(context.getStartupFailure())).getAction())
					.contains("spring.liquibase.enabled=false", "migrations.enabled=false");
			});
	}

	@Test
	void setsUpALiquibaseMasterChangelogAsRevisionSource() {
		this.revisions.add("master.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: create-ledger
				      author: x
				      changes:
				        - createTable: {tableName: ledger, columns: [{column: {name: id, type: INTEGER}}]}
				""");
		withDatabase().withPropertyValues("migrations.changelog=" + this.revisions.location() + "master.yaml")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.db.tables()).contains("ledger").doesNotContain("users");
				assertThat(this.db.history()).extracting((row) -> row.get("ID")).containsExactly("create-ledger");
			});
	}

	@Test
	void migratesPostgresqlThroughANamedConnectionOfItsOwn() {
		TestDatabase postgres = TestDatabases.postgres();
		this.revisions.add("002_who_migrates.sql", "CREATE TABLE who AS SELECT application_name, "
				+ "(SELECT count(*) FROM pg_stat_activity WHERE application_name = 'timetracker migrations') AS n "
				+ "FROM pg_stat_activity WHERE pid = pg_backend_pid();");
		this.contextRunner.withPropertyValues("spring.datasource.url=" + postgres.url(),
				"spring.datasource.username=" + postgres.user(), "spring.datasource.password=" + postgres.password(),
				"spring.application.name=timetracker", "migrations.location=" + this.revisions.location())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(postgres.jdbc().queryForMap("SELECT application_name, n FROM who"))
					.containsEntry("application_name", "timetracker migrations")
					.containsEntry("n", 1L);
			});
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMigratorConfiguration {

		@Bean
		Migrator customMigrator(DataSource dataSource) throws Exception {
			Path dir = java.nio.file.Files.createTempDirectory("custom-revisions");
			RevisionDirectory revisions = RevisionDirectory.in(dir)
				.add("001_custom.sql", "CREATE TABLE custom (id INTEGER);");
			DefaultResourceLoader loader = new DefaultResourceLoader();
			return new Migrator(dataSource, RevisionSource.directory(revisions.location(), loader),
					MigrationSettings.defaults(), loader);
		}

	}

}
