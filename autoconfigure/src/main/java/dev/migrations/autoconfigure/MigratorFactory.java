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

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

import dev.migrations.JavaRevision;
import dev.migrations.MigrationException;
import dev.migrations.internal.backup.BackupSettings;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.revision.RevisionScanner;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationListener;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.PostgresSettings;
import dev.migrations.runner.SchemaChecks;

/**
 * Creates the migrator of one database from its properties: the single database's
 * ({@code migrations.*}) or an instance's ({@code migrations.instances.<name>.*}). Both
 * go through the same steps, so that they behave alike.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigratorFactory {

	private final ResourceLoader resourceLoader;

	private final String applicationName;

	private final ObjectProvider<MigrationListener> listeners;

	private final List<MigrationsCustomizer> customizers;

	private final MigrationsRevisionPreloader.@Nullable RevisionPreload preload;

	private final ObjectProvider<JavaRevision> javaRevisions;

	MigratorFactory(ResourceLoader resourceLoader, String applicationName, ObjectProvider<MigrationListener> listeners,
			ObjectProvider<MigrationsCustomizer> customizers,
			MigrationsRevisionPreloader.@Nullable RevisionPreload preload, ObjectProvider<JavaRevision> javaRevisions) {
		this.javaRevisions = javaRevisions;
		this.resourceLoader = resourceLoader;
		this.applicationName = applicationName;
		this.listeners = listeners;
		this.customizers = customizers.orderedStream().toList();
		this.preload = preload;
	}

	/**
	 * Create a migrator.
	 * @param name the database's name, given to customizers
	 * @param prefix the properties' prefix, for messages: {@code migrations} or
	 * {@code migrations.instances.<name>}
	 * @param properties the database's properties
	 * @param dataSource the application's data source to migrate, or {@code null} if the
	 * migrator connects on its own
	 * @param connection where and as whom to connect
	 * @return the migrator
	 */
	Migrator create(String name, String prefix, MigrationsProperties properties, @Nullable DataSource dataSource,
			MigrationConnection connection) {
		MigrationSettings settings = settings(properties);
		for (MigrationsCustomizer customizer : this.customizers) {
			settings = customizer.customize(name, settings);
		}
		DataSource migrationDataSource = connection.migrationDataSource(dataSource, this.applicationName,
				prefix + ".url");
		Migrator migrator = new Migrator(migrationDataSource,
				connection.readDataSource(dataSource, migrationDataSource),
				RevisionSource.withJavaRevisions(source(name, prefix, properties), () -> javaRevisions(prefix)),
				settings, this.resourceLoader, backups(properties, connection, prefix));
		migrator.setPostgresSettings(postgresSettings(properties.getPostgresql(), prefix));
		migrator.setPropertyPrefix(prefix);
		migrator.setSchemaChecks(new SchemaChecks(properties.getAdopt(), properties.getDrift().getOnStartup(),
				properties.getDrift().getIgnore()));
		// Looked up at each run, not now: listeners such as the metrics binder depend on
		// this migrator.
		migrator.addListener(
				(ran, report) -> this.listeners.orderedStream().forEach((listener) -> listener.onRun(ran, report)));
		return migrator;
	}

	/**
	 * The Java revision beans, created when the migration runs: before the beans that
	 * need the migrated database, so a Java revision that depends on one of them cannot
	 * be created. They belong to the single database; with several
	 * ({@code migrations.instances}) it is not known which database they are for.
	 * @param prefix the prefix
	 * @return the java revisions
	 */
	private List<JavaRevision> javaRevisions(String prefix) {
		List<JavaRevision> revisions;
		try {
			revisions = this.javaRevisions.orderedStream().toList();
		}
		catch (BeansException ex) {
			throw new MigrationException(
					"A Java revision bean could not be created when the migrations ran: "
							+ ex.getMostSpecificCause().getMessage(),
					"Java revisions run before the beans that need the migrated database exist (JPA, repositories, "
							+ "JdbcTemplate, JdbcClient and what is built on them): inject none of them into a "
							+ "JavaRevision; use the JdbcClient and connection of the JavaRevisionContext given to "
							+ "upgrade() and downgrade().",
					ex);
		}
		if (!revisions.isEmpty() && !"migrations".equals(prefix)) {
			throw new MigrationException("The application has Java revisions ("
					+ revisions.stream().map(JavaRevision::id).toList() + ") and several databases ("
					+ "migrations.instances): Java revisions are supported for a single database only. Nothing was "
					+ "written.",
					"Migrate one database with Java revisions (migrations.* instead of migrations.instances), or turn "
							+ "the Java revisions into SQL revision files of the database they are for.");
		}
		return revisions;
	}

	private RevisionSource source(String name, String prefix, MigrationsProperties properties) {
		if (properties.getChangelog() != null) {
			return RevisionSource.changelog(properties.getChangelog(), this.resourceLoader);
		}
		requireLocation(name, prefix, properties.getLocation());
		RevisionSource preloaded = (this.preload != null) ? this.preload.source(properties.getLocation()) : null;
		return (preloaded != null) ? preloaded
				: RevisionSource.directory(properties.getLocation(), this.resourceLoader);
	}

	/**
	 * A configured location that does not exist is a typo or a missing volume: fail
	 * before anything connects, rather than start with nothing to apply (or call the
	 * database ahead of the code). The default location may be missing: an application
	 * (or a database instance) that has no revision yet.
	 * @param location the location
	 * @param name the name
	 * @param prefix the prefix
	 */
	private void requireLocation(String name, String prefix, String location) {
		boolean defaultLocation = location.equals(MigrationsProperties.DEFAULT_LOCATION)
				|| (!prefix.equals("migrations") && location.equals(MigrationsInstances.defaultLocation(name)));
		if (defaultLocation || !(location.startsWith("file:") || location.startsWith("classpath"))) {
			return;
		}
		RevisionScanner scanner = new RevisionScanner(
				ResourcePatternUtils.getResourcePatternResolver(this.resourceLoader));
		if (!scanner.exists(location)) {
			throw new MigrationException(
					prefix + ".location=" + location + " names a folder that does not exist"
							+ (location.startsWith("classpath:") ? " on the class path" : "")
							+ ". Nothing was read, and nothing connected to the database.",
					"Create the folder with the revision files (or mount it), or set " + prefix
							+ ".location to the folder that holds them.");
		}
	}

	private static DatabaseBackups backups(MigrationsProperties properties, MigrationConnection connection,
			String prefix) {
		MigrationsProperties.Backup backup = properties.getBackup();
		if (backup.getKeep() < 1) {
			throw new MigrationException(
					"Invalid value '" + backup.getKeep() + "' for " + prefix + ".backup.keep. Nothing was written.",
					"Set " + prefix + ".backup.keep to 1 or more, or " + prefix + ".backup.enabled=false.");
		}
		DatabaseBackups backups = new DatabaseBackups(new BackupSettings(backup.isEnabled(), backup.isRequired(),
				backup.getDirectory(), backup.getKeep(), backup.getPgDumpPath(), backup.getMariadbDumpPath(),
				connection.url(), connection.user(), connection.password()));
		backups.setMaxSize((backup.getMaxSize() != null) ? backup.getMaxSize().toBytes() : null);
		return backups;
	}

	private static PostgresSettings postgresSettings(MigrationsProperties.Postgresql postgresql, String prefix) {
		if (postgresql.getLockRetries() < 0) {
			throw new MigrationException(
					"Invalid value '" + postgresql.getLockRetries() + "' for " + prefix
							+ ".postgresql.lock-retries. Nothing was written.",
					"Set " + prefix + ".postgresql.lock-retries to 0 (no retry) or more.");
		}
		return new PostgresSettings(postgresql.getLockTimeout(), postgresql.getLockRetries(),
				postgresql.getStatementTimeout(), PostgresSettings.defaults().lockRetryBackoff(),
				postgresql.getLargeTableRows(), postgresql.isRefuseBlockingLocks());
	}

	private static MigrationSettings settings(MigrationsProperties properties) {
		return MigrationSettings.defaults()
			.withMode(properties.getMode())
			.withTarget(properties.getTarget())
			.withStamp(properties.getStamp())
			.withBaseline(properties.getBaseline().getRevision(), properties.getBaseline().getDescription())
			.withAllowDowngrade(properties.isAllowDowngrade())
			.withOnUnknownRevisions(properties.getOnUnknownRevisions())
			.withLockTimeout(properties.getLock().getTimeout())
			.withHistoryTable(properties.getHistoryTable())
			.withDefaultSchema(properties.getDefaultSchema())
			.withContexts(properties.getContexts())
			.withLabels(properties.getLabels())
			.withPlaceholders(properties.getPlaceholders())
			.withPlaceholdersInDollarQuotes(properties.isPlaceholdersInDollarQuotes())
			.withDryRunOutput(properties.getDryRunOutput())
			.withRepair(properties.getRepair())
			.withOutOfOrder(properties.isOutOfOrder());
	}

}
