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

package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import liquibase.CatalogAndSchema;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;
import liquibase.structure.core.View;

import dev.migrations.MigrationException;

/**
 * Liquibase on a connection it only reads: a snapshot of one schema, taken in the
 * starter's scope (analytics off). The connection is left open and as it was found.
 *
 * @author Migrations for Spring Boot contributors
 */
final class LiquibaseSchemas {

	@SuppressWarnings("unchecked")
	static final Class<? extends DatabaseObject>[] TYPES = new Class[] { Table.class, Column.class, PrimaryKey.class,
			UniqueConstraint.class, Index.class, ForeignKey.class, View.class, Sequence.class };

	private LiquibaseSchemas() {
	}

	/**
	 * Run Liquibase work on a connection's database.
	 * @param <T> the type of the result
	 * @param connection the connection
	 * @param what the what
	 * @param work the work
	 * @return the t
	 */
	static <T> T withDatabase(Connection connection, String what, DatabaseWork<T> work) {
		boolean autoCommit;
		try {
			autoCommit = connection.getAutoCommit();
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot " + what + ": " + ex.getMessage(), "Check the database connection.",
					ex);
		}
		try {
			return Scope.child(scope(), () -> {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				try {
					return work.run(database);
				}
				finally {
					// Liquibase keeps an executor per database in a process-wide
					// singleton: let go of this one. The
					// database itself is not closed, as that would close the caller's
					// connection.
					Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
				}
			});
		}
		catch (MigrationException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MigrationException("Cannot " + what + ": " + rootMessage(ex),
					"Check the database connection and the user's privileges to read the schema; the cause is below.",
					ex);
		}
		finally {
			try {
				if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
					if (!connection.getAutoCommit()) {
						connection.rollback();
					}
					connection.setAutoCommit(autoCommit);
				}
			}
			catch (SQLException ex) {
				// the caller closes the connection next
			}
		}
	}

	static DatabaseSnapshot snapshot(Database database, String schema) throws Exception {
		SnapshotControl control = new SnapshotControl(database, TYPES);
		return SnapshotGeneratorFactory.getInstance()
			.createSnapshot(new CatalogAndSchema(database.getDefaultCatalogName(), schema), database, control);
	}

	private static Map<String, Object> scope() {
		Map<String, Object> scope = new HashMap<>();
		if (System.getProperty(AnalyticsArgs.ENABLED.getKey()) == null
				&& System.getenv("LIQUIBASE_ANALYTICS_ENABLED") == null) {
			scope.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
		}
		return scope;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	@FunctionalInterface
	interface DatabaseWork<T> {

		T run(Database database) throws Exception;

	}

}
