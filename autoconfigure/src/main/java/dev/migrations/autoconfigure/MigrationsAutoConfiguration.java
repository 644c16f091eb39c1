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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.change.DatabaseChange;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.migrations.JavaRevision;
import dev.migrations.MigrationException;
import dev.migrations.internal.command.MigrationsCommandRunner;
import dev.migrations.internal.runner.MigrationsInitializer;
import dev.migrations.runner.MigrationListener;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;

/**
 * Auto-configuration for migrations: a {@link Migrator} for the application's data source
 * (or, with {@code migrations.instances}, one per database instance), run at startup by a
 * {@link MigrationsInitializer} that Spring Boot orders before everything that uses the
 * database.
 *
 * @author Migrations for Spring Boot contributors
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		beforeName = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration")
@ConditionalOnClass({ DatabaseChange.class, DataSource.class })
@Conditional(MigrationsAutoConfiguration.DatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsAutoConfiguration {

	private static final String BOOT_LIQUIBASE = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration";

	private MigrationsAutoConfiguration() {
	}

	/**
	 * Migrations run at startup even when the application initializes its beans lazily; a
	 * command relies on it, as it makes the context lazy so that nothing else starts.
	 * @return the lazy initialization exclude filter
	 */
	@Bean
	static LazyInitializationExcludeFilter migrationsInitializerLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
	}

	/**
	 * A key under {@code migrations.} that no setting binds fails the start instead of
	 * being ignored.
	 * @return the unknown migrations properties
	 */
	@Bean
	static UnknownMigrationsProperties unknownMigrationsProperties() {
		return new UnknownMigrationsProperties();
	}

	private static MigratorFactory factory(ResourceLoader resourceLoader, Environment environment,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrationsCustomizer> customizers,
			ObjectProvider<MigrationsRevisionPreloader.RevisionPreload> preload,
			ObjectProvider<JavaRevision> javaRevisions) {
		rejectBootLiquibase(environment, resourceLoader);
		return new MigratorFactory(resourceLoader, environment.getProperty("spring.application.name", "application"),
				listeners, customizers, preload.getIfAvailable(), javaRevisions);
	}

	private static void rejectBootLiquibase(Environment environment, ResourceLoader resourceLoader) {
		boolean bootLiquibase = ClassUtils.isPresent(BOOT_LIQUIBASE, resourceLoader.getClassLoader());
		if (bootLiquibase && environment.getProperty("spring.liquibase.enabled", Boolean.class, false)) {
			throw new MigrationException(
					"Spring Boot's Liquibase integration is enabled (spring.liquibase.enabled=true) next to migrations: "
							+ "Liquibase would run twice on the same database.",
					"Remove spring-boot-starter-liquibase (spring-boot-liquibase) from the dependencies or set "
							+ "spring.liquibase.enabled=false. To keep Spring Boot's Liquibase instead, set "
							+ "migrations.enabled=false.");
		}
	}

	private static DataSource namedDataSource(ListableBeanFactory beanFactory, String name, String property) {
		try {
			return beanFactory.getBean(name, DataSource.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new MigrationException(property + "=" + name + " names no DataSource bean. The DataSource beans are: "
					+ String.join(", ", beanFactory.getBeanNamesForType(DataSource.class)) + ". Nothing was written.",
					"Set " + property + " to one of these bean names.", ex);
		}
	}

	/**
	 * One database: the application's DataSource (the
	 * {@link MigrationsDataSource @MigrationsDataSource} one, the one
	 * {@code migrations.data-source} names, or the only or primary one), configured by
	 * {@code migrations.*}.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SingleDatabaseCondition.class)
	static class MigratorConfiguration {

		@Bean
		@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
		PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
			return new PropertiesMigrationsConnectionDetails(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		Migrator migrator(ListableBeanFactory beanFactory, ObjectProvider<DataSource> dataSources,
				@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
				MigrationsConnectionDetails connectionDetails, ObjectProvider<JdbcConnectionDetails> jdbcDetails,
				MigrationsProperties properties, ResourceLoader resourceLoader, Environment environment,
				ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrationsCustomizer> customizers,
				ObjectProvider<MigrationsRevisionPreloader.RevisionPreload> preload,
				ObjectProvider<JavaRevision> javaRevisions) {
			MigratorFactory factory = factory(resourceLoader, environment, listeners, customizers, preload,
					javaRevisions);
			DataSource dataSource;
			MigrationConnection.Credentials application;
			if (StringUtils.hasText(properties.getDataSource())) {
				dataSource = namedDataSource(beanFactory, properties.getDataSource(), "migrations.data-source");
				application = MigrationConnection.Credentials.of(dataSource);
			}
			else if (migrationsDataSource.getIfAvailable() != null) {
				dataSource = migrationsDataSource.getObject();
				application = MigrationConnection.Credentials.of(dataSource);
			}
			else {
				dataSource = dataSources.getIfUnique();
				if (dataSource == null) {
					throw new MigrationException(
							"The application has several DataSource beans and none is the one to migrate: "
									+ String.join(", ", beanFactory.getBeanNamesForType(DataSource.class))
									+ ". Nothing was written.",
							"Mark the DataSource to migrate with @MigrationsDataSource (or @Primary), set "
									+ "migrations.data-source to its bean name, or migrate each database as an "
									+ "instance of migrations.instances.<name>.");
				}
				// An embedded database a test slice substitutes
				// (@AutoConfigureTestDatabase) is not the one the
				// connection details describe: migrate the data source itself.
				JdbcConnectionDetails details = (dataSource instanceof EmbeddedDatabase) ? null
						: jdbcDetails.getIfAvailable();
				application = (details != null) ? MigrationConnection.Credentials.of(details)
						: MigrationConnection.Credentials.of(dataSource);
			}
			return factory.create("migrator", "migrations", properties, dataSource,
					MigrationConnection.resolve(connectionDetails, application));
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationsInitializer migrationsInitializer(ObjectProvider<Migrator> migrator,
				MigrationsProperties properties) {
			String command = properties.getCommand();
			if (command != null && !command.isBlank()) {
				return new MigrationsCommandRunner(() -> Migrators.of("migrator", migrator.getObject()), command,
						properties.getOutput());
			}
			return new MigrationsInitializer(migrator.getObject());
		}

		@Bean
		@ConditionalOnMissingBean
		Migrators migrators(Map<String, Migrator> migrators) {
			return new Migrators(migrators);
		}

	}

	/**
	 * Several databases, {@code migrations.instances.<name>.*}: one migrator each, run
	 * one after the other.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(InstancesCondition.class)
	static class InstancesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Migrators migrators(ListableBeanFactory beanFactory, Environment environment, ResourceLoader resourceLoader,
				ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrationsCustomizer> customizers,
				ObjectProvider<MigrationsRevisionPreloader.RevisionPreload> preload,
				ObjectProvider<JavaRevision> javaRevisions) {
			MigratorFactory factory = factory(resourceLoader, environment, listeners, customizers, preload,
					javaRevisions);
			Binder binder = Binder.get(environment);
			MigrationsInstances.warnAboutUnusedSettings(binder);
			Map<String, Migrator> migrators = new LinkedHashMap<>();
			MigrationsInstances.bind(binder).forEach((name, properties) -> {
				if (properties.isEnabled()) {
					migrators.put(name, instance(beanFactory, factory, name, properties));
				}
			});
			if (migrators.isEmpty()) {
				throw new MigrationException("Every database instance of migrations.instances is disabled.",
						"Enable one, or set migrations.enabled=false.");
			}
			return new Migrators(migrators);
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationsInitializer migrationsInitializer(ObjectProvider<Migrators> migrators,
				MigrationsProperties properties) {
			String command = properties.getCommand();
			if (command != null && !command.isBlank()) {
				return new MigrationsCommandRunner(migrators::getObject, command, properties.getOutput());
			}
			return new MigrationsInitializer(migrators.getObject());
		}

		private static Migrator instance(ListableBeanFactory beanFactory, MigratorFactory factory, String name,
				MigrationsProperties properties) {
			String prefix = MigrationsInstances.prefix(name);
			DataSource dataSource = null;
			if (StringUtils.hasText(properties.getDataSource())) {
				dataSource = namedDataSource(beanFactory, properties.getDataSource(), prefix + ".data-source");
			}
			else if (!StringUtils.hasText(properties.getUrl())) {
				throw new MigrationException(
						"Database instance '" + name + "' names no database. The DataSource beans are: "
								+ String.join(", ", Arrays.asList(beanFactory.getBeanNamesForType(DataSource.class)))
								+ ". Nothing was written.",
						"Set " + prefix + ".data-source to the bean name of its DataSource, or " + prefix
								+ ".url to its JDBC URL.");
			}
			MigrationConnection.Credentials application = (dataSource != null)
					? MigrationConnection.Credentials.of(dataSource) : null;
			try {
				return factory.create(name, prefix, properties, dataSource, MigrationConnection
					.resolve(new PropertiesMigrationsConnectionDetails(properties), application));
			}
			catch (MigrationException ex) {
				throw new MigrationException(
						"Database instance '" + name + "': " + Migrators.inSettingsOf(name, ex.getDescription()),
						Migrators.inSettingsOf(name, ex.getAction()) + " The settings of this database are under "
								+ prefix + ".",
						ex);
			}
		}

	}

	/**
	 * A database to migrate: a single (or primary) DataSource, one marked
	 * {@link MigrationsDataSource}, one named by {@code migrations.data-source}, or
	 * instances.
	 */
	static final class DatabaseCondition extends AnyNestedCondition {

		DatabaseCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnSingleCandidate(DataSource.class)
		static final class SingleDataSource {

		}

		@ConditionalOnBean(value = DataSource.class, annotation = MigrationsDataSource.class)
		static final class QualifiedDataSource {

		}

		@ConditionalOnProperty("migrations.data-source")
		static final class NamedDataSource {

		}

		@Conditional(InstancesCondition.class)
		static final class Instances {

		}

	}

	/**
	 * {@code migrations.instances} has entries.
	 */
	static final class InstancesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean configured = MigrationsInstances.configured(Binder.get(context.getEnvironment()));
			return new ConditionOutcome(configured,
					"migrations.instances " + (configured ? "has entries" : "has no entries"));
		}

	}

	/**
	 * {@code migrations.instances} has no entries.
	 */
	static final class SingleDatabaseCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean configured = MigrationsInstances.configured(Binder.get(context.getEnvironment()));
			return new ConditionOutcome(!configured,
					"migrations.instances " + (configured ? "has entries" : "has no entries"));
		}

	}

	/**
	 * {@code migrations.url}, {@code migrations.user} and {@code migrations.password}.
	 */
	static final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

		private final MigrationsProperties properties;

		PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
			this.properties = properties;
		}

		@Override
		public @Nullable String getJdbcUrl() {
			return this.properties.getUrl();
		}

		@Override
		public @Nullable String getUsername() {
			return this.properties.getUser();
		}

		@Override
		public @Nullable String getPassword() {
			return this.properties.getPassword();
		}

	}

}
