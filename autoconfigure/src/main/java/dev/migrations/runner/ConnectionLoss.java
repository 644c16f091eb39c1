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

package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells a lost connection from a failing statement: the server ended the session (an
 * administrator's {@code pg_terminate_backend}, a failover or restart, a server timeout)
 * or the network dropped it. Then the revision that was running is not at fault, and a
 * restart resumes where the database is.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ConnectionLoss {

	// PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now,
	// idle_session_timeout,
	// idle_in_transaction_session_timeout. H2: connection broken, database closed. Class
	// 08: connection exceptions.
	private static final Set<String> LOST_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "25P03", "90067", "90098",
			"90121");

	private ConnectionLoss() {
	}

	/**
	 * The server's reason if a failure is a lost connection, else {@code null}.
	 * @param failure the failure
	 * @param connection the connection it happened on, checked when the failure alone
	 * does not tell
	 * @return the reason, e.g.
	 * {@code FATAL: terminating connection due to administrator command (SQLState 57P01)}
	 */
	static @Nullable String reason(Throwable failure, @Nullable Connection connection) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || LOST_STATES.contains(sql.getSQLState()))) {
				return describe(sql);
			}
		}
		if (connection != null && isClosed(connection)) {
			SQLException sql = firstSqlException(failure);
			return (sql != null) ? describe(sql) : "the connection was closed";
		}
		return null;
	}

	private static String describe(SQLException sql) {
		String message = (sql.getMessage() != null) ? sql.getMessage().strip() : sql.getClass().getSimpleName();
		Throwable root = sql;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String rootText = (root != sql && root.getMessage() != null && !message.contains(root.getMessage()))
				? ": " + root.getClass().getSimpleName() + " " + root.getMessage().strip() : "";
		return message + rootText + ((sql.getSQLState() != null) ? " (SQLState " + sql.getSQLState() + ")" : "");
	}

	private static @Nullable SQLException firstSqlException(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	private static boolean isClosed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
