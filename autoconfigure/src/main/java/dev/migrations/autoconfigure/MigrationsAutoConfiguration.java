package dev.migrations.autoconfigure;

import java.util.Properties;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.backup.BackupSettings;
import dev.migrations.backup.DatabaseBackups;
import dev.migrations.engine.EngineSettings;
import dev.migrations.runner.MigrationListener;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.MigrationsInitializer;
import dev.migrations.runner.RevisionSource;
import liquibase.change.DatabaseChange;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration for migrations: a {@link Migrator} for the application's data source, run at startup by a
 * {@link MigrationsInitializer} that Spring Boot orders before everything that uses the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		beforeName = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration")
@ConditionalOnClass({ DatabaseChange.class, DataSource.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsAutoConfiguration {

	private static final String BOOT_LIQUIBASE = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration";

	@Configuration(proxyBeanMethods = false)
	static class MigratorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Migrator migrator(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails,
				MigrationsProperties properties, ResourceLoader resourceLoader, Environment environment,
				ObjectProvider<MigrationListener> listeners,
				ObjectProvider<MigrationsRevisionPreloader.RevisionPreload> preload) {
			rejectBootLiquibase(environment, resourceLoader);
			RevisionSource source = source(properties, resourceLoader, preload.getIfAvailable());
			JdbcConnectionDetails details = connectionDetails.getIfAvailable();
			DataSource migrationDataSource = migrationDataSource(dataSource, details, properties,
					environment.getProperty("spring.application.name", "application"));
			// Status reads borrow from the application's pool, unless the migrator has credentials of its own.
			DataSource readDataSource = (properties.getUrl() != null) ? migrationDataSource : dataSource;
			Migrator migrator = new Migrator(migrationDataSource, readDataSource, source, settings(properties),
					resourceLoader, backups(properties, details));
			// Looked up at each run, not now: listeners such as the metrics binder depend on this migrator.
			migrator.addListener(
					(ran, report) -> listeners.orderedStream().forEach((listener) -> listener.onRun(ran, report)));
			return migrator;
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationsInitializer migrationsInitializer(Migrator migrator) {
			return new MigrationsInitializer(migrator);
		}

		private static RevisionSource source(MigrationsProperties properties, ResourceLoader resourceLoader,
				MigrationsRevisionPreloader.@Nullable RevisionPreload preload) {
			if (properties.getChangelog() != null) {
				return RevisionSource.changelog(properties.getChangelog(), resourceLoader);
			}
			if (preload != null && preload.location().equals(properties.getLocation())) {
				return preload.source();
			}
			return RevisionSource.directory(properties.getLocation(), resourceLoader);
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

		/**
		 * A connection of its own when migrations.url is set; on PostgreSQL a non-pooled connection to the
		 * application's database, so that the session advisory lock lives on a connection nobody else borrows.
		 */
		private static DataSource migrationDataSource(DataSource dataSource, JdbcConnectionDetails connectionDetails,
				MigrationsProperties properties, String applicationName) {
			if (properties.getUrl() != null) {
				String user = (properties.getUser() != null) ? properties.getUser()
						: (connectionDetails != null) ? connectionDetails.getUsername() : null;
				String password = (properties.getUser() != null) ? properties.getPassword()
						: (connectionDetails != null) ? connectionDetails.getPassword() : properties.getPassword();
				return unpooled(properties.getUrl(), user, password, applicationName);
			}
			if (connectionDetails != null && connectionDetails.getJdbcUrl() != null
					&& connectionDetails.getJdbcUrl().startsWith("jdbc:postgresql:")) {
				return unpooled(connectionDetails.getJdbcUrl(), connectionDetails.getUsername(),
						connectionDetails.getPassword(), applicationName);
			}
			return dataSource;
		}

		private static DataSource unpooled(String url, String user, String password, String applicationName) {
			SimpleDriverDataSource unpooled = DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(url)
				.username(user)
				.password(password)
				.build();
			if (url.startsWith("jdbc:postgresql:")) {
				// Names the migrator in pg_stat_activity, and so in a lock timeout's message; the URL's own
				// ApplicationName, if any, wins.
				Properties connectionProperties = new Properties();
				connectionProperties.setProperty("ApplicationName", applicationName + " migrations");
				unpooled.setConnectionProperties(connectionProperties);
			}
			return unpooled;
		}

		private static DatabaseBackups backups(MigrationsProperties properties, JdbcConnectionDetails details) {
			MigrationsProperties.Backup backup = properties.getBackup();
			if (backup.getKeep() < 1) {
				throw new MigrationException(
						"Invalid value '" + backup.getKeep() + "' for migrations.backup.keep. Nothing was written.",
						"Set migrations.backup.keep to 1 or more, or migrations.backup.enabled=false.");
			}
			String url = (properties.getUrl() != null) ? properties.getUrl()
					: (details != null) ? details.getJdbcUrl() : null;
			String user = (properties.getUrl() != null && properties.getUser() != null) ? properties.getUser()
					: (details != null) ? details.getUsername() : properties.getUser();
			String password = (properties.getUrl() != null && properties.getUser() != null) ? properties.getPassword()
					: (details != null) ? details.getPassword() : properties.getPassword();
			return new DatabaseBackups(new BackupSettings(backup.isEnabled(), backup.isRequired(),
					backup.getDirectory(), backup.getKeep(), backup.getPgDumpPath(), url, user, password));
		}

		private static MigrationSettings settings(MigrationsProperties properties) {
			return new MigrationSettings(properties.getMode(), properties.getTarget(), properties.getStamp(),
					properties.getBaseline().getRevision(), properties.getBaseline().getDescription(),
					properties.isAllowDowngrade(), properties.getOnUnknownRevisions(), properties.getLock().getTimeout(),
					new EngineSettings(properties.getHistoryTable(), properties.getDefaultSchema(),
							properties.getContexts(), properties.getLabels()),
					properties.getDryRunOutput());
		}

	}

}
