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

package dev.migrations.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;
import liquibase.executor.jvm.JdbcExecutor;
import liquibase.integration.spring.SpringResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

import dev.migrations.Container;
import dev.migrations.MigrationException;

/**
 * Liquibase on one migration connection: the {@link Database} it works through, created
 * on first use only, and the scope every Liquibase call runs in (analytics off, resources
 * from the application's resource loader).
 *
 * @author Migrations for Spring Boot contributors
 */
final class LiquibaseSession implements AutoCloseable {

	private final Connection connection;

	private final EngineSettings settings;

	private final ResourceLoader resourceLoader;

	private @Nullable Database database;

	// Liquibase switches auto-commit off on some databases (PostgreSQL): put back as it
	// was found.
	private @Nullable Boolean autoCommit;

	LiquibaseSession(Connection connection, EngineSettings settings, ResourceLoader resourceLoader) {
		this.connection = connection;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
	}

	Database database() throws Exception {
		if (this.database == null) {
			this.autoCommit = this.connection.getAutoCommit();
			Database created = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(this.connection));
			created.setDatabaseChangeLogTableName(this.settings.historyTable());
			created.setDatabaseChangeLogLockTableName(this.settings.lockTable());
			if (this.settings.defaultSchema() != null) {
				created.setDefaultSchemaName(this.settings.defaultSchema());
				created.setLiquibaseSchemaName(this.settings.defaultSchema());
			}
			else if (Container.kindOf(created.getDatabaseProductName()) == Container.Kind.DATABASE) {
				// MariaDB and MySQL: names stay unqualified, as in plain SQL revisions,
				// so that
				// a preview (dry run, --sql) runs in the database it is run in, not this
				// one.
				created.setOutputDefaultCatalog(false);
				created.setOutputDefaultSchema(false);
			}
			// An executor of our own, bound to this connection only: Liquibase caches
			// executors per database.
			JdbcExecutor executor = new JdbcExecutor();
			executor.setDatabase(created);
			Scope.getCurrentScope().getSingleton(ExecutorService.class).setExecutor("jdbc", created, executor);
			this.database = created;
			// Liquibase read the connection with auto-commit switched off: end that
			// read-only transaction rather than
			// leave it idle while changelogs are parsed
			// (idle_in_transaction_session_timeout).
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}
		return this.database;
	}

	<T> T run(String what, Callable<T> work) {
		try {
			return Scope.child(scope(this.resourceLoader), work::call);
		}
		catch (MigrationException | ChangeSetFailedException | MigrationEngine.StatementFailedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MigrationException(
					"Liquibase could not " + what + ": " + ChangeSetFailedException.rootMessage(ex),
					"Check the revision files and the database; the cause is below.", ex);
		}
	}

	/**
	 * The scope values for Liquibase calls. Analytics are off unless the user set
	 * Liquibase's own switch.
	 * @param resourceLoader the resource loader
	 * @return the object
	 */
	static Map<String, Object> scope(ResourceLoader resourceLoader) {
		Map<String, Object> scope = new HashMap<>();
		if (System.getProperty(AnalyticsArgs.ENABLED.getKey()) == null
				&& System.getenv("LIQUIBASE_ANALYTICS_ENABLED") == null) {
			scope.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
		}
		scope.put(Scope.Attr.resourceAccessor.name(), new SpringResourceAccessor(resourceLoader));
		return scope;
	}

	@Override
	public void close() {
		if (this.database != null) {
			Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", this.database);
			this.database = null;
		}
		try {
			if (this.autoCommit != null && !this.connection.isClosed()
					&& this.connection.getAutoCommit() != this.autoCommit) {
				if (!this.connection.getAutoCommit()) {
					// Switching auto-commit on commits what is pending: nothing is,
					// unless a run failed half-way.
					this.connection.rollback();
				}
				this.connection.setAutoCommit(this.autoCommit);
			}
		}
		catch (SQLException ex) {
			LoggerFactory.getLogger(LiquibaseSession.class).debug("Could not restore the connection's auto-commit", ex);
		}
	}

}
