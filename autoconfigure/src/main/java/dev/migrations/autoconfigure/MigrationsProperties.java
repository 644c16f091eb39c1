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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.migrations.OutputFormat;
import dev.migrations.runner.AdoptionSource;
import dev.migrations.runner.DriftCheckMode;
import dev.migrations.runner.MigrationMode;
import dev.migrations.runner.UnknownRevisionsAction;

/**
 * Configuration properties for migrations. The same class describes one database instance
 * under {@code migrations.instances.<name>}: every database setting applies there too.
 *
 * @author Migrations for Spring Boot contributors
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	static final String DEFAULT_LOCATION = "classpath:db/migrations/";

	/**
	 * Whether to enable migrations.
	 */
	private boolean enabled = true;

	/**
	 * Location of the revision files, 'classpath:' or 'file:'.
	 */
	private String location = DEFAULT_LOCATION;

	/**
	 * Existing Liquibase master changelog to use instead of revision files; its tags (or,
	 * without tags, its change sets) are the revisions.
	 */
	private @Nullable String changelog;

	/**
	 * What to do at startup: upgrade to the target, validate without writing, or nothing.
	 */
	private MigrationMode mode = MigrationMode.UPGRADE;

	/**
	 * Revision to migrate to: 'head' or a revision id.
	 */
	private String target = "head";

	/**
	 * Revision ('head' or an id) up to which revisions are recorded as applied without
	 * running them. Only ever moves forward.
	 */
	private @Nullable String stamp;

	/**
	 * Whether a target below the current revision may downgrade the database.
	 */
	private boolean allowDowngrade;

	/**
	 * What to do when the database records revisions the application does not have.
	 */
	private UnknownRevisionsAction onUnknownRevisions = UnknownRevisionsAction.WARN;

	/**
	 * Whether to apply a pending revision that an applied revision follows (merged from a
	 * branch after later revisions ran), logging it as out of order, instead of failing
	 * the start.
	 */
	private boolean outOfOrder;

	/**
	 * Comma-separated list of Liquibase contexts selecting change sets of changelog
	 * revisions.
	 */
	private @Nullable String contexts;

	/**
	 * Liquibase label expression selecting change sets of changelog revisions.
	 */
	private @Nullable String labels;

	/**
	 * Schema to migrate and keep the history in. Defaults to the connection's schema.
	 */
	private @Nullable String defaultSchema;

	/**
	 * Name of the history table; the lock table is named after it with the suffix 'LOCK'.
	 */
	private String historyTable = "DATABASECHANGELOG";

	/**
	 * JDBC URL of a connection of its own to migrate through. Defaults to the
	 * application's data source.
	 */
	private @Nullable String url;

	/**
	 * Login user of the migration connection. Defaults to the application's data source
	 * user.
	 */
	private @Nullable String user;

	/**
	 * Login password of the migration connection.
	 */
	private @Nullable String password;

	/**
	 * File to write the SQL that an upgrade or downgrade to the target would execute,
	 * instead of executing it.
	 */
	private @Nullable Path dryRunOutput;

	/**
	 * Revision whose edit is accepted: its history rows record its file's current
	 * checksum (logged with the old one) before the run. Idempotent; remove it once the
	 * application has started.
	 */
	private @Nullable String repair;

	/**
	 * Values of the '${name}' placeholders in plain SQL revisions, also passed to
	 * changelog revisions as Liquibase changelog parameters.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether placeholders are also replaced inside dollar-quoted bodies ($$ ... $$) of
	 * plain SQL revisions.
	 */
	private boolean placeholdersInDollarQuotes;

	/**
	 * Name of the DataSource bean to migrate, when the application has several. Defaults
	 * to the DataSource marked with @MigrationsDataSource, else the only (or @Primary)
	 * one.
	 */
	private @Nullable String dataSource;

	/**
	 * Position of a database instance in the startup run: lower first, then by name. Used
	 * under 'migrations.instances.<name>' only.
	 */
	private int order;

	/**
	 * Several databases, migrated one after the other at startup, each with the settings
	 * of this namespace under its name, e.g.
	 * 'migrations.instances.orders.data-source=ordersDataSource'. When set, every
	 * database to migrate is an instance and the other 'migrations.*' database settings
	 * are not used.
	 */
	private final Map<String, MigrationsProperties> instances = new LinkedHashMap<>();

	/**
	 * Migration tool whose history to adopt before migrating a database that has none of
	 * its own: 'flyway' records the versions of flyway_schema_history, 'alembic' the
	 * revisions up to the heads of alembic_version, as ADOPTED without running them.
	 */
	private @Nullable AdoptionSource adopt;

	/**
	 * Command to run instead of starting the application, such as "upgrade 019" or
	 * "history --verbose": the process prints its result and exits (0 done, 1 failed, 2
	 * when "check" finds the database not at the target).
	 */
	private @Nullable String command;

	/**
	 * How a command prints its result.
	 */
	private OutputFormat output = OutputFormat.TEXT;

	private final Baseline baseline = new Baseline();

	private final Drift drift = new Drift();

	private final Lock lock = new Lock();

	private final Backup backup = new Backup();

	private final Endpoint endpoint = new Endpoint();

	private final Postgresql postgresql = new Postgresql();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public @Nullable String getChangelog() {
		return this.changelog;
	}

	public void setChangelog(@Nullable String changelog) {
		this.changelog = changelog;
	}

	public MigrationMode getMode() {
		return this.mode;
	}

	public void setMode(MigrationMode mode) {
		this.mode = mode;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public @Nullable String getStamp() {
		return this.stamp;
	}

	public void setStamp(@Nullable String stamp) {
		this.stamp = stamp;
	}

	public boolean isAllowDowngrade() {
		return this.allowDowngrade;
	}

	public void setAllowDowngrade(boolean allowDowngrade) {
		this.allowDowngrade = allowDowngrade;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public UnknownRevisionsAction getOnUnknownRevisions() {
		return this.onUnknownRevisions;
	}

	public void setOnUnknownRevisions(UnknownRevisionsAction onUnknownRevisions) {
		this.onUnknownRevisions = onUnknownRevisions;
	}

	public @Nullable String getContexts() {
		return this.contexts;
	}

	public void setContexts(@Nullable String contexts) {
		this.contexts = contexts;
	}

	public @Nullable String getLabels() {
		return this.labels;
	}

	public void setLabels(@Nullable String labels) {
		this.labels = labels;
	}

	public @Nullable String getDefaultSchema() {
		return this.defaultSchema;
	}

	public void setDefaultSchema(@Nullable String defaultSchema) {
		this.defaultSchema = defaultSchema;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getRepair() {
		return this.repair;
	}

	public void setRepair(@Nullable String repair) {
		this.repair = repair;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholdersInDollarQuotes() {
		return this.placeholdersInDollarQuotes;
	}

	public void setPlaceholdersInDollarQuotes(boolean placeholdersInDollarQuotes) {
		this.placeholdersInDollarQuotes = placeholdersInDollarQuotes;
	}

	public @Nullable Path getDryRunOutput() {
		return this.dryRunOutput;
	}

	public void setDryRunOutput(@Nullable Path dryRunOutput) {
		this.dryRunOutput = dryRunOutput;
	}

	public @Nullable String getDataSource() {
		return this.dataSource;
	}

	public void setDataSource(@Nullable String dataSource) {
		this.dataSource = dataSource;
	}

	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	public Map<String, MigrationsProperties> getInstances() {
		return this.instances;
	}

	public @Nullable AdoptionSource getAdopt() {
		return this.adopt;
	}

	public void setAdopt(@Nullable AdoptionSource adopt) {
		this.adopt = adopt;
	}

	public Drift getDrift() {
		return this.drift;
	}

	public @Nullable String getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable String command) {
		this.command = command;
	}

	public OutputFormat getOutput() {
		return this.output;
	}

	public void setOutput(OutputFormat output) {
		this.output = output;
	}

	public Backup getBackup() {
		return this.backup;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public Baseline getBaseline() {
		return this.baseline;
	}

	public Lock getLock() {
		return this.lock;
	}

	public Postgresql getPostgresql() {
		return this.postgresql;
	}

	/**
	 * Adopting an existing database that has no migration history.
	 */
	public static class Baseline {

		/**
		 * Revision the existing schema corresponds to: revisions up to it are recorded as
		 * BASELINE without running.
		 */
		private @Nullable String revision;

		/**
		 * Description recorded with the baseline.
		 */
		private String description = "Baseline";

		public @Nullable String getRevision() {
			return this.revision;
		}

		public void setRevision(@Nullable String revision) {
			this.revision = revision;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

	}

	/**
	 * The migration lock.
	 */
	public static class Lock {

		/**
		 * Maximum time to wait for another migrator to release the lock.
		 */
		private Duration timeout = Duration.ofMinutes(5);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Backups taken before migrating a database that holds tables.
	 */
	public static class Backup {

		/**
		 * Whether to take a backup before writing to a database that holds tables.
		 */
		private boolean enabled = true;

		/**
		 * Whether a backup that cannot be taken fails the migration before anything is
		 * written.
		 */
		private boolean required;

		/**
		 * Directory the backup files are written to.
		 */
		private Path directory = Path.of("migration-backups");

		/**
		 * Number of backup files of a database to keep; older ones created by this
		 * starter are deleted.
		 */
		private int keep = 10;

		/**
		 * Path of the pg_dump executable; pg_restore is expected beside it.
		 */
		private String pgDumpPath = "pg_dump";

		/**
		 * Path of the mariadb-dump (or MySQL's mysqldump) executable for backups of
		 * MariaDB and MySQL databases; by default the first of mariadb-dump and mysqldump
		 * found on the PATH.
		 */
		private @Nullable String mariadbDumpPath;

		/**
		 * Largest PostgreSQL database dumped whole before a migration; above it only the
		 * tables the pending revisions write to are dumped (with the schema of every
		 * table), or no backup is taken when even they are larger.
		 */
		private DataSize maxSize = DataSize.ofGigabytes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isRequired() {
			return this.required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public int getKeep() {
			return this.keep;
		}

		public void setKeep(int keep) {
			this.keep = keep;
		}

		public String getPgDumpPath() {
			return this.pgDumpPath;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

		public void setPgDumpPath(String pgDumpPath) {
			this.pgDumpPath = pgDumpPath;
		}

		public @Nullable String getMariadbDumpPath() {
			return this.mariadbDumpPath;
		}

		public void setMariadbDumpPath(@Nullable String mariadbDumpPath) {
			this.mariadbDumpPath = mariadbDumpPath;
		}

	}

	/**
	 * Locks and timeouts of revisions on PostgreSQL.
	 */
	public static class Postgresql {

		/**
		 * Maximum time a transactional revision waits for a lock before it is rolled back
		 * and tried again; 0 to wait as long as the server lets it.
		 */
		private Duration lockTimeout = Duration.ofSeconds(5);

		/**
		 * Number of times a revision that could not get a lock is tried again, with
		 * pauses of 1 s, 2 s, 4 s and so on.
		 */
		private int lockRetries = 3;

		/**
		 * Maximum time a statement of a transactional revision may run; none if not set.
		 */
		private @Nullable Duration statementTimeout;

		/**
		 * Number of rows (as PostgreSQL estimates them) from which a table is large:
		 * "check --locks" fails for a revision that would block writes to it.
		 */
		private long largeTableRows = 100_000;

		/**
		 * Whether a startup upgrade first measures what the pending revisions lock (as
		 * "check --locks" does, in a scratch database) and refuses to start when one
		 * would block writes to a large table while it reads or rewrites it.
		 */
		private boolean refuseBlockingLocks;

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public int getLockRetries() {
			return this.lockRetries;
		}

		public void setLockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
		}

		public @Nullable Duration getStatementTimeout() {
			return this.statementTimeout;
		}

		public void setStatementTimeout(@Nullable Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
		}

		public long getLargeTableRows() {
			return this.largeTableRows;
		}

		public void setLargeTableRows(long largeTableRows) {
			this.largeTableRows = largeTableRows;
		}

		public boolean isRefuseBlockingLocks() {
			return this.refuseBlockingLocks;
		}

		public void setRefuseBlockingLocks(boolean refuseBlockingLocks) {
			this.refuseBlockingLocks = refuseBlockingLocks;
		}

	}

	/**
	 * Checking the live schema against the schema the recorded revisions produce.
	 */
	public static class Drift {

		/**
		 * Whether to check the schema for drift at startup, after migrating: 'off',
		 * 'warn' (log the differences) or 'fail' (fail the start).
		 */
		private DriftCheckMode onStartup = DriftCheckMode.OFF;

		/**
		 * Comma-separated list of objects the drift check leaves out: a table, view,
		 * sequence, column, index or constraint name, or 'table.name'; '*' matches any
		 * run of characters, case is ignored.
		 */
		private List<String> ignore = new ArrayList<>();

		public DriftCheckMode getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(DriftCheckMode onStartup) {
			this.onStartup = onStartup;
		}

		public List<String> getIgnore() {
			return this.ignore;
		}

		public void setIgnore(List<String> ignore) {
			this.ignore = ignore;
		}

	}

	/**
	 * The migrations actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether the endpoint's write operations (upgrade, downgrade, stamp) are
		 * available. They also need the endpoint's access to be unrestricted.
		 */
		private boolean writeOperations;

		public boolean isWriteOperations() {
			return this.writeOperations;
		}

		public void setWriteOperations(boolean writeOperations) {
			this.writeOperations = writeOperations;
		}

	}

}
