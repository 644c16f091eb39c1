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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import dev.migrations.MigrationException;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing the database and adjusting the migrator the Spring Boot way:
 * {@link MigrationsDataSource}, {@code migrations.data-source},
 * {@link MigrationsConnectionDetails}, {@code JdbcConnectionDetails} (service
 * connections) and {@link MigrationsCustomizer}.
 */
class MigrationsCustomizationTests {

	@TempDir
	Path temp;

	TestDatabase main;

	TestDatabase reporting;

	RevisionDirectory revisions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@BeforeEach
	void setUp() {
		this.main = TestDatabases.h2();
		this.reporting = TestDatabases.h2();
		this.revisions = RevisionDirectory.in(this.temp)
			.add("001_create_reports.sql", "CREATE TABLE reports (id INTEGER);")
			.add("002_create_charts.sql", "CREATE TABLE charts (id INTEGER);");
	}

	private ApplicationContextRunner twoDataSources() {
		return this.contextRunner.withPropertyValues("migrations.location=" + this.revisions.location())
			.withBean("mainDataSource", DataSource.class, this.main::dataSource)
			.withBean("reportingDataSource", DataSource.class, this.reporting::dataSource);
	}

	@Test
	void migratesTheDataSourceMarkedMigrationsDataSourceNextToThePrimaryOne() {
		this.contextRunner.withPropertyValues("migrations.location=" + this.revisions.location())
			.withUserConfiguration(PrimaryAndMigrationsDataSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				assertThat(MigrationsDataSourceTarget.reporting.tables()).contains("reports", "charts");
				assertThat(MigrationsDataSourceTarget.main.tables()).isEmpty();
			});
	}

	@Test
	void migratesTheDataSourceMarkedMigrationsDataSourceWhenNoneIsPrimary() {
		this.contextRunner.withPropertyValues("migrations.location=" + this.revisions.location())
			.withUserConfiguration(MigrationsDataSourceOnlyConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				assertThat(MigrationsDataSourceTarget.reporting.tables()).contains("reports");
				assertThat(MigrationsDataSourceTarget.main.tables()).isEmpty();
			});
	}

	@Test
	void migratesTheOnlyDataSourceWhenItIsMarkedMigrationsDataSource() {
		this.contextRunner.withPropertyValues("migrations.location=" + this.revisions.location())
			.withUserConfiguration(OnlyMigrationsDataSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(MigrationsDataSourceTarget.reporting.tables()).contains("reports");
			});
	}

	@Test
	void migratesTheDataSourceNamedByProperty() {
		twoDataSources().withPropertyValues("migrations.data-source=reportingDataSource").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.reporting.tables()).contains("reports", "charts");
			assertThat(this.main.tables()).isEmpty();
		});
	}

	@Test
	void backsOffWithSeveralDataSourcesAndNoneChosen() {
		twoDataSources().run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class).doesNotHaveBean(Migrators.class);
			assertThat(this.main.tables()).isEmpty();
			assertThat(this.reporting.tables()).isEmpty();
		});
	}

	@Test
	void aDataSourceNameThatMatchesNoBeanFailsListingTheBeans() {
		twoDataSources().withPropertyValues("migrations.data-source=reports").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("migrations.data-source=reports names no DataSource bean",
					"mainDataSource", "reportingDataSource");
		});
	}

	@Test
	void customizerAdjustsTheSettingsInCode() {
		List<String> names = new ArrayList<>();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.url(),
					"migrations.location=" + this.revisions.location())
			.withBean(MigrationsCustomizer.class, () -> (name, settings) -> {
				names.add(name);
				return settings.withTarget("001");
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(names).containsExactly("migrator");
				assertThat(this.main.tables()).contains("reports").doesNotContain("charts");
				assertThat(context.getBean(Migrator.class).status().target()).isEqualTo("001");
			});
	}

	@Test
	void customizerAddsAPlaceholderAndMovesTheHistoryTable() {
		RevisionDirectory tenant = RevisionDirectory.in(this.temp.resolve("tenant"))
			.add("001_create_reports.sql", "CREATE TABLE ${prefix}reports (id INTEGER);");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.url(), "migrations.location=" + tenant.location(),
					"migrations.placeholders.unused=x")
			.withBean(MigrationsCustomizer.class, () -> (name, settings) -> {
				// As in docs/api.md: withPlaceholders replaces them all, so add to a
				// copy.
				Map<String, String> placeholders = new HashMap<>(settings.placeholders());
				placeholders.put("prefix", name + "_");
				return settings.withPlaceholders(placeholders).withHistoryTable("MIGRATION_HISTORY");
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.main.tables()).contains("migrator_reports", "migration_history")
					.doesNotContain("databasechangelog");
			});
	}

	@Test
	void customizerIsAppliedToEachInstanceByName() {
		RevisionDirectory other = RevisionDirectory.in(this.temp.resolve("other"))
			.add("001_create_ledger.sql", "CREATE TABLE ledger (id INTEGER);")
			.add("002_create_entries.sql", "CREATE TABLE entries (id INTEGER);");
		twoDataSources()
			.withPropertyValues("migrations.instances.main.data-source=mainDataSource",
					"migrations.instances.main.location=" + other.location(),
					"migrations.instances.reporting.data-source=reportingDataSource",
					"migrations.instances.reporting.location=" + this.revisions.location())
			.withBean(MigrationsCustomizer.class,
					() -> (name, settings) -> name.equals("reporting") ? settings.withTarget("001") : settings)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.main.tables()).contains("ledger", "entries");
				assertThat(this.reporting.tables()).contains("reports").doesNotContain("charts");
			});
	}

	@Test
	void migratesThroughJdbcConnectionDetailsWithoutDataSourceProperties() {
		migratesThroughJdbcConnectionDetails(TestDatabases.h2());
	}

	@Test
	void migratesPostgresqlThroughJdbcConnectionDetailsWithoutDataSourceProperties() {
		migratesThroughJdbcConnectionDetails(TestDatabases.postgres());
	}

	private void migratesThroughJdbcConnectionDetails(TestDatabase db) {
		// What a Docker Compose or Testcontainers service connection provides: no
		// spring.datasource.url anywhere.
		this.contextRunner.withPropertyValues("migrations.location=" + this.revisions.location())
			.withBean(JdbcConnectionDetails.class, () -> new TestJdbcConnectionDetails(db))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(db.tables()).contains("reports", "charts", "databasechangelog");
				assertThat(db.history()).hasSize(2);
				assertThat(context.getBean(Migrator.class).status().current()).isEqualTo("002");
			});
	}

	@Test
	void migratesPostgresqlAsTheUserOfMigrationsConnectionDetails() {
		TestDatabase db = withoutUserInUrl(TestDatabases.postgres());
		String owner = createSchemaOwner(db);
		this.contextRunner.withPropertyValues("migrations.location=" + this.revisions.location())
			.withBean(JdbcConnectionDetails.class, () -> new TestJdbcConnectionDetails(db))
			.withBean(MigrationsConnectionDetails.class, () -> new MigrationsConnectionDetails() {

				@Override
				public @Nullable String getJdbcUrl() {
					return null;
				}

				@Override
				public String getUsername() {
					return owner;
				}

				@Override
				public String getPassword() {
					return "owner-secret";
				}

			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(db.jdbc()
					.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'reports'", String.class))
					.isEqualTo(owner);
			});
	}

	@Test
	void migratesPostgresqlAsTheMigrationsUserOnTheApplicationsDatabase() {
		TestDatabase db = withoutUserInUrl(TestDatabases.postgres());
		String owner = createSchemaOwner(db);
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password(), "migrations.location=" + this.revisions.location(),
					"migrations.user=" + owner, "migrations.password=owner-secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(db.jdbc()
					.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'charts'", String.class))
					.isEqualTo(owner);
			});
	}

	@Test
	void aMigrationsUserWithoutAKnownUrlFailsSayingWhichPropertyToSet() {
		this.contextRunner
			.withPropertyValues("migrations.location=" + this.revisions.location(), "migrations.user=other")
			.withBean(DataSource.class, () -> new OpaqueDataSource(this.main.dataSource()))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationException.class);
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("The URL of the database to migrate is unknown");
				assertThat(analysis.getAction()).contains("Set migrations.url");
			});
	}

	/** A role that owns what it creates, with the password {@code owner-secret}. */
	private static String createSchemaOwner(TestDatabase db) {
		String owner = "owner_" + db.url().replaceAll(".*/", "").replaceAll("\\W", "_");
		db.jdbc().execute("CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-secret'");
		db.jdbc().execute("GRANT ALL ON SCHEMA public TO " + owner);
		return owner;
	}

	/**
	 * The embedded server's URL names its user ({@code ?user=postgres}), which would win
	 * over any other user.
	 */
	private static TestDatabase withoutUserInUrl(TestDatabase db) {
		return new TestDatabase(db.kind(), db.url().replaceFirst("\\?.*$", ""), db.user(), db.password());
	}

	/**
	 * A data source that does not tell its URL, as some wrapping or proxying data sources
	 * do.
	 */
	static final class OpaqueDataSource extends org.springframework.jdbc.datasource.AbstractDataSource {

		private final DataSource target;

		OpaqueDataSource(DataSource target) {
			this.target = target;
		}

		@Override
		public java.sql.Connection getConnection() throws java.sql.SQLException {
			return this.target.getConnection();
		}

		@Override
		public java.sql.Connection getConnection(String username, String password) throws java.sql.SQLException {
			return this.target.getConnection(username, password);
		}

	}

	record TestJdbcConnectionDetails(TestDatabase db) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return this.db.user();
		}

		@Override
		public String getPassword() {
			return this.db.password();
		}

		@Override
		public String getJdbcUrl() {
			return this.db.url();
		}

	}

	/**
	 * The databases of the configurations below, created once per configuration class
	 * load.
	 */
	static final class MigrationsDataSourceTarget {

		static TestDatabase main = TestDatabases.h2();

		static TestDatabase reporting = TestDatabases.h2();

		static void reset() {
			main = TestDatabases.h2();
			reporting = TestDatabases.h2();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryAndMigrationsDataSourceConfiguration {

		PrimaryAndMigrationsDataSourceConfiguration() {
			MigrationsDataSourceTarget.reset();
		}

		@Bean
		@Primary
		DataSource mainDataSource() {
			return MigrationsDataSourceTarget.main.dataSource();
		}

		@Bean
		@MigrationsDataSource
		DataSource reportingDataSource() {
			return MigrationsDataSourceTarget.reporting.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsDataSourceOnlyConfiguration {

		MigrationsDataSourceOnlyConfiguration() {
			MigrationsDataSourceTarget.reset();
		}

		@Bean
		DataSource mainDataSource() {
			return MigrationsDataSourceTarget.main.dataSource();
		}

		@Bean
		@MigrationsDataSource
		DataSource reportingDataSource() {
			return MigrationsDataSourceTarget.reporting.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OnlyMigrationsDataSourceConfiguration {

		OnlyMigrationsDataSourceConfiguration() {
			MigrationsDataSourceTarget.reset();
		}

		@Bean
		@MigrationsDataSource
		DataSource reportingDataSource() {
			return MigrationsDataSourceTarget.reporting.dataSource();
		}

	}

}
