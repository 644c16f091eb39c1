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

package dev.migrations.internal.lock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationException;

/**
 * Liquibase's table lock ({@code DATABASECHANGELOGLOCK}: one row, {@code LOCKED} set
 * while a migrator works), with the same table and protocol, so that the Liquibase CLI
 * and this starter exclude each other. The holder is recorded as
 * {@code host (address) pid N started <instant>}; a lock left by a process of this host
 * that is no longer running (killed while migrating) is taken over instead of being
 * waited for.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class TableMigrationLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(TableMigrationLock.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final Pattern PID = Pattern.compile("^(.*) pid (\\d+) started (\\S+)$");

	private final Connection connection;

	private final String table;

	private TableMigrationLock(Connection connection, String table) {
		this.connection = connection;
		this.table = table;
	}

	/**
	 * Take the lock, polling until the timeout.
	 * @param connection the migration connection
	 * @param schema the schema of the lock table, or {@code null} for the connection's
	 * @param lockTable the lock table, e.g. {@code DATABASECHANGELOGLOCK}
	 * @param timeout how long to wait for another holder
	 * @return the held lock
	 * @throws LockTimeoutException naming the holder if the lock is not free in time
	 */
	public static TableMigrationLock acquire(Connection connection, @Nullable String schema, String lockTable,
			Duration timeout) {
		String table = (schema != null) ? schema + "." + lockTable : lockTable;
		String me = holderName();
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			ensureTable(connection, schema, lockTable, table);
			boolean logged = false;
			while (true) {
				if (update(connection, "UPDATE " + table + " SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
						+ "LOCKEDBY = ? WHERE ID = 1 AND LOCKED = FALSE", me)) {
					return new TableMigrationLock(connection, table);
				}
				Holder holder = holder(connection, table);
				if (holder != null && holder.isDeadProcessOf(hostName())) {
					if (update(connection,
							"UPDATE " + table + " SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
									+ "LOCKEDBY = ? WHERE ID = 1 AND LOCKED = TRUE AND LOCKEDBY = '"
									+ holder.lockedBy().replace("'", "''") + "'",
							me)) {
						logger.warn(
								"Took over the migration lock in {} left by {} since {}: that process is no longer "
										+ "running (killed while migrating?)",
								table, holder.lockedBy(), holder.since());
						return new TableMigrationLock(connection, table);
					}
					continue;
				}
				if (System.nanoTime() > deadline) {
					throw new LockTimeoutException("table lock in " + table, timeout,
							(holder != null) ? "held by " + holder.lockedBy() + " since " + holder.since()
									: "held by another migrator",
							"If no migration is running (a process on another host was killed while holding it), "
									+ "clear it with UPDATE " + table
									+ " SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1, then restart. "
									+ "Otherwise wait, or raise migrations.lock.timeout.");
				}
				if (!logged) {
					logger.info("Waiting for the migration lock in {}: {}", table,
							(holder != null) ? "held by " + holder.lockedBy() : "held");
					logged = true;
				}
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not take the migration lock in " + table + ": " + ex.getMessage(),
					"Check that the migration user may create and update " + table + ".", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock", "Restart the application.",
					ex);
		}
	}

	private static void ensureTable(Connection connection, @Nullable String schema, String lockTable, String table)
			throws SQLException {
		if (!exists(connection, schema, lockTable)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE " + table + " (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, "
						+ "LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255), CONSTRAINT PK_" + lockTable
						+ " PRIMARY KEY (ID))");
				commit(connection);
			}
			catch (SQLException ex) {
				// Another migrator created it first.
				rollback(connection);
				if (!exists(connection, schema, lockTable)) {
					throw ex;
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE ID = 1")) {
			rows.next();
			if (rows.getInt(1) == 0) {
				try {
					statement.execute("INSERT INTO " + table + " (ID, LOCKED) VALUES (1, FALSE)");
					commit(connection);
				}
				catch (SQLException ex) {
					// Another migrator inserted it first.
					rollback(connection);
				}
			}
		}
	}

	private static boolean exists(Connection connection, @Nullable String schema, String table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String schemaName = (schema != null) ? storedCase(meta, schema) : connection.getSchema();
		try (ResultSet tables = meta.getTables(null, schemaName, storedCase(meta, table), null)) {
			return tables.next();
		}
	}

	private static String storedCase(DatabaseMetaData meta, String identifier) throws SQLException {
		if (meta.storesLowerCaseIdentifiers()) {
			return identifier.toLowerCase(Locale.ROOT);
		}
		return meta.storesUpperCaseIdentifiers() ? identifier.toUpperCase(Locale.ROOT) : identifier;
	}

	private static boolean update(Connection connection, String sql, String lockedBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, lockedBy);
			boolean updated = statement.executeUpdate() == 1;
			commit(connection);
			return updated;
		}
	}

	private static @Nullable Holder holder(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT LOCKEDBY, LOCKGRANTED FROM " + table + " WHERE ID = 1 AND LOCKED = TRUE")) {
			if (!result.next()) {
				return null;
			}
			Timestamp granted = result.getTimestamp(2);
			return new Holder(String.valueOf(result.getString(1)), (granted != null) ? granted.toString() : "unknown");
		}
	}

	private static void commit(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private static void rollback(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
	}

	static String holderName() {
		return hostName() + " pid " + ProcessHandle.current().pid() + " started " + processStart();
	}

	private static String processStart() {
		return ProcessHandle.current().info().startInstant().map(Object::toString).orElse("unknown");
	}

	private static String hostName() {
		try {
			InetAddress local = InetAddress.getLocalHost();
			return local.getHostName() + " (" + local.getHostAddress() + ")";
		}
		catch (UnknownHostException ex) {
			return "unknown host";
		}
	}

	@Override
	public void close() {
		try {
			update(this.connection, "UPDATE " + this.table
					+ " SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1 " + "AND LOCKEDBY = ?",
					holderName());
		}
		catch (SQLException ex) {
			logger.warn("Could not release the migration lock in {} ({}); the next start on this host takes it over",
					this.table, ex.getMessage());
		}
	}

	private record Holder(String lockedBy, String since) {

		/**
		 * Whether the holder is a process of this host that is no longer running: its pid
		 * is gone, or belongs to a process started at another time (a restarted container
		 * keeps its host name and often its pid).
		 * @param host the host
		 * @return whether dead process of
		 */
		boolean isDeadProcessOf(String host) {
			Matcher matcher = PID.matcher(this.lockedBy);
			if (!matcher.matches() || !matcher.group(1).equals(host)) {
				return false;
			}
			long pid = Long.parseLong(matcher.group(2));
			String started = matcher.group(3);
			if (pid == ProcessHandle.current().pid()) {
				return !started.equals(processStart());
			}
			return ProcessHandle.of(pid).map((process) -> !process.isAlive()).orElse(true);
		}

	}

}
