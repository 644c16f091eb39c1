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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock held on a dedicated connection. PostgreSQL releases
 * it when the session ends, so a migrator that dies never leaves a stale lock behind.
 * While the lock is held, the server checks every second whether the client is still
 * there (PostgreSQL 14+): a statement of a killed migrator is cancelled, and its lock
 * released, instead of running to its end.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class PostgresAdvisoryLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private static final String CLIENT_CHECK_INTERVAL = "client_connection_check_interval";

	private static final String IDLE_SESSION_TIMEOUT = "idle_session_timeout";

	private final Connection connection;

	private final long key;

	private final boolean checksClient;

	private PostgresAdvisoryLock(Connection connection, long key, boolean checksClient) {
		this.connection = connection;
		this.key = key;
		this.checksClient = checksClient;
	}

	/**
	 * The lock key for a history table: the same for every migrator of that table.
	 * @param database the database name
	 * @param schema the schema
	 * @param historyTable the history table
	 * @return the 64-bit advisory lock key
	 */
	public static long keyFor(String database, String schema, String historyTable) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("dev.migrations:" + database + ":" + schema + "." + historyTable)
					.toLowerCase(java.util.Locale.ROOT)
					.getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (digest[i] & 0xff);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Take the lock, polling until the timeout.
	 * @param connection a connection of its own, not borrowed from a pool; it stays open
	 * while the lock is held
	 * @param key the lock key
	 * @param timeout how long to wait for another holder
	 * @return the held lock
	 * @throws LockTimeoutException naming the holder if the lock is not free in time
	 */
	public static PostgresAdvisoryLock acquire(Connection connection, long key, Duration timeout) {
		return SessionLockWait.acquire(timeout, () -> tryLock(connection, key)
				? new PostgresAdvisoryLock(connection, key, checkClient(connection)) : null, () -> {
					logger.info("Waiting for the migration lock: {}", holder(connection, key));
					// Never idle in a transaction while waiting
					// (idle_in_transaction_session_timeout).
					if (!connection.getAutoCommit()) {
						connection.commit();
					}
				},
				() -> new LockTimeoutException("advisory lock (key " + key + ")", timeout, holder(connection, key),
						"If the holder is a migration still running, wait for it and restart. If it is stuck, end it "
								+ "with SELECT pg_terminate_backend(<pid>) and restart: PostgreSQL releases the lock "
								+ "with the session. Or raise migrations.lock.timeout."),
				new SessionLockWait.Failure("Could not take the migration advisory lock: ",
						"Check that the database is reachable and that the migration connection is a direct or "
								+ "session-mode connection (a transaction-pooling proxy cannot hold session locks)."));
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				boolean locked = result.getBoolean(1);
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				return locked;
			}
		}
	}

	/**
	 * Ask the server to check the client while a statement runs. Without it, a long
	 * statement of a migrator whose process was killed runs to its end before the server
	 * notices, keeping the lock from the next start all along.
	 * @param connection the locked connection
	 * @return whether the check is on
	 */
	private static boolean checkClient(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
			return false;
		}
		try (Statement statement = connection.createStatement()) {
			// The session idles by design while pg_dump takes the backup: a server's
			// idle_session_timeout must not
			// end it (and release the lock) half-way through a run. Put back when the
			// lock is released.
			statement.execute("SET " + IDLE_SESSION_TIMEOUT + " = 0");
			statement.execute("SET " + CLIENT_CHECK_INTERVAL + " = '1s'");
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return true;
		}
		catch (SQLException ex) {
			// Not available on every platform the server runs on: the lock still works, a
			// killed migrator's last
			// statement just runs to its end before the server releases the lock.
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			logger.debug("Could not set {} on the migration connection: {}", CLIENT_CHECK_INTERVAL, ex.getMessage());
			return false;
		}
	}

	/**
	 * Who holds the lock, from {@code pg_stat_activity}.
	 * @param connection a connection
	 * @param key the lock key
	 * @return a description of the holder
	 * @throws SQLException on a database error
	 */
	static String holder(Connection connection, long key) throws SQLException {
		String sql = "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start, a.state "
				+ "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
				+ "AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xffffffffL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return "held by a session that has just ended";
				}
				String application = result.getString(2);
				return "held by PostgreSQL backend pid " + result.getInt(1) + " (application '"
						+ ((application == null || application.isEmpty()) ? "unknown" : application) + "', user "
						+ result.getString(3) + ", client " + result.getString(4) + ", connected since "
						+ result.getTimestamp(5).toInstant() + ", state " + result.getString(6) + ")";
			}
		}
	}

	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
			if (this.checksClient) {
				try (Statement reset = this.connection.createStatement()) {
					reset.execute("RESET " + CLIENT_CHECK_INTERVAL);
					reset.execute("RESET " + IDLE_SESSION_TIMEOUT);
				}
			}
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}
		catch (SQLException ex) {
			// The session ends with the connection, and the lock with it.
			logger.warn("Could not release the migration advisory lock explicitly ({}); it is released when the "
					+ "connection closes", ex.getMessage());
		}
	}

}
