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
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB/MySQL named lock ({@code GET_LOCK}) held by the session of a dedicated
 * connection. The server releases it when the session ends, so a migrator that dies never
 * leaves a lock behind, and nothing is written to any table.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class MariaDbNamedLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbNamedLock.class);

	/** The longest lock name MySQL accepts. */
	static final int MAX_NAME_LENGTH = 64;

	private static final String PREFIX = "migrations:";

	private final Connection connection;

	private final String name;

	private MariaDbNamedLock(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
	}

	/**
	 * The lock name for a history table: the same for every migrator of that table on the
	 * server, at most 64 characters (a hash of the two names when they are longer).
	 * @param database the database the history table is in
	 * @param historyTable the history table
	 * @return the lock name
	 */
	public static String nameFor(String database, String historyTable) {
		String name = PREFIX + (database + "." + historyTable).toLowerCase(Locale.ROOT);
		if (name.length() <= MAX_NAME_LENGTH) {
			return name;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Take the lock, polling until the timeout.
	 * @param connection a connection of its own, not borrowed from a pool; it stays open
	 * while the lock is held
	 * @param name the lock name, from {@link #nameFor}
	 * @param timeout how long to wait for another holder
	 * @return the held lock
	 * @throws LockTimeoutException naming the holder if the lock is not free in time
	 */
	public static MariaDbNamedLock acquire(Connection connection, String name, Duration timeout) {
		return SessionLockWait.acquire(timeout,
				() -> tryLock(connection, name) ? new MariaDbNamedLock(connection, name) : null,
				() -> logger.info("Waiting for the migration lock '{}': {}", name, holder(connection, name)),
				() -> new LockTimeoutException("lock '" + name + "' (GET_LOCK)", timeout, holder(connection, name),
						"If the holder is a migration still running, wait for it and restart. If it is stuck, end "
								+ "its connection with KILL <connection id> and restart: the server releases the "
								+ "lock with the session. Or raise migrations.lock.timeout."),
				new SessionLockWait.Failure("Could not take the migration lock '" + name + "': ",
						"Check that the database is reachable and that the migration connection is a direct one (a "
								+ "proxy that shares server sessions between clients cannot hold session locks)."));
	}

	private static boolean tryLock(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				boolean locked = result.getInt(1) == 1;
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				return locked;
			}
		}
	}

	/**
	 * Who holds the lock: its connection id ({@code IS_USED_LOCK}) and, where the user
	 * may see it, what that connection is doing.
	 * @param connection a connection
	 * @param name the lock name
	 * @return a description of the holder
	 * @throws SQLException on a database error
	 */
	static String holder(Connection connection, String name) throws SQLException {
		long id;
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				id = result.getLong(1);
				if (result.wasNull()) {
					return "held by a session that has just ended";
				}
			}
		}
		String sql = "SELECT HOST, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST WHERE ID = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return "held by connection " + id + " (host " + result.getString(1) + ", " + result.getString(2)
							+ " for " + result.getLong(3) + " s" + state(result.getString(4))
							+ statementStart(result.getString(5)) + ")";
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not read the lock holder from information_schema.PROCESSLIST", ex);
		}
		return "held by connection " + id + " (the migration user may not see what it is doing: PROCESS privilege)";
	}

	private static String state(@Nullable String state) {
		return (state != null && !state.isEmpty()) ? ", state '" + state + "'" : "";
	}

	// The start of the statement it runs, cut before anything that may carry a secret.
	private static String statementStart(@Nullable String info) {
		if (info == null || info.isBlank()) {
			return "";
		}
		String text = info.replaceAll("\\s+", " ").trim();
		int secret = text.toUpperCase(Locale.ROOT).indexOf("IDENTIFIED");
		if (secret < 0) {
			secret = text.toUpperCase(Locale.ROOT).indexOf("PASSWORD");
		}
		if (secret >= 0) {
			text = text.substring(0, secret) + "…";
		}
		return ", running '" + ((text.length() > 60) ? text.substring(0, 60) + "…" : text) + "'";
	}

	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.name);
			statement.execute();
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}
		catch (SQLException ex) {
			// The session ends with the connection, and the lock with it.
			logger.warn("Could not release the migration lock '{}' explicitly ({}); it is released when the "
					+ "connection closes", this.name, ex.getMessage());
		}
	}

}
