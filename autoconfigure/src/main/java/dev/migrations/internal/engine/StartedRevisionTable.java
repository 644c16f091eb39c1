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

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import org.jspecify.annotations.Nullable;

import dev.migrations.Container;
import dev.migrations.DatabaseInfo;

/**
 * The companion table of the history that marks a revision as started until its history
 * rows are written ({@code <history table>_STARTED}, one row at most), on databases whose
 * DDL commits at once, with the direction: a revision being applied ({@code UPGRADE}) or
 * reversed ({@code DOWNGRADE}). A table of its own, so that the Liquibase CLI, which
 * reads every history row as a change set that ran, never sees it.
 *
 * @author Migrations for Spring Boot contributors
 */
final class StartedRevisionTable {

	private static final int STATEMENT_LENGTH = 1000;

	private static final String DIRECTION = "DIRECTION";

	private static final String UPGRADE = "UPGRADE";

	private static final String DOWNGRADE = "DOWNGRADE";

	private final String qualifiedName;

	private final String table;

	private final Container container;

	private final boolean mariaDb;

	private @Nullable PreparedStatement progress;

	private boolean created;

	// Whether the table is known to have the DIRECTION column (added after the first
	// release of the table).
	private boolean hasDirection;

	StartedRevisionTable(EngineSettings settings, Container container, DatabaseInfo database) {
		this.table = settings.startedTable();
		String schema = settings.defaultSchema();
		this.qualifiedName = (schema != null) ? schema + "." + this.table : this.table;
		this.container = container;
		this.mariaDb = database.isMariaDbOrMySql();
	}

	/**
	 * Whether revisions on this database need the marker: their DDL commits at once, so a
	 * revision is not one transaction.
	 * @param database the database
	 * @return whether needed
	 */
	static boolean needed(DatabaseInfo database) {
		return database.isMariaDbOrMySql() || database.isH2();
	}

	String qualifiedName() {
		return this.qualifiedName;
	}

	@Nullable StartedRevision read(Connection connection) throws SQLException {
		if (!this.created && !this.container.hasTable(connection, this.table)) {
			return null;
		}
		this.created = true;
		// Every column: a table an earlier version wrote has no DIRECTION, and a read
		// never alters it.
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT * FROM " + this.qualifiedName)) {
			if (!result.next()) {
				return null;
			}
			Timestamp started = result.getTimestamp("STARTED");
			String direction = hasColumn(result.getMetaData(), DIRECTION) ? result.getString(DIRECTION) : null;
			return new StartedRevision(result.getString("REVISION"), result.getString("FILENAME"),
					(started != null) ? started.toLocalDateTime() : null, result.getInt("STATEMENTS"),
					result.getString("LAST_STATEMENT"), result.getString("STARTED_BY"), DOWNGRADE.equals(direction));
		}
	}

	private static boolean hasColumn(ResultSetMetaData meta, String column) throws SQLException {
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			if (column.equalsIgnoreCase(meta.getColumnLabel(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Mark a revision as started, committed before its first statement.
	 * @param connection the connection
	 * @param file the file
	 * @param revision the revision
	 * @param downgrade whether it is being reversed, not applied
	 */
	void start(Connection connection, String revision, String file, boolean downgrade) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (!this.hasDirection) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.qualifiedName
						+ " (REVISION VARCHAR(255) NOT NULL, FILENAME VARCHAR(1000), STARTED "
						+ (this.mariaDb ? "DATETIME" : "TIMESTAMP") + " NOT NULL, STATEMENTS INTEGER NOT NULL, "
						+ "LAST_STATEMENT VARCHAR(" + STATEMENT_LENGTH + "), STARTED_BY VARCHAR(255), " + DIRECTION
						+ " VARCHAR(10))");
				this.created = true;
				// Created by an earlier version without the direction: MySQL has no ADD
				// COLUMN IF NOT EXISTS, so look first.
				boolean present;
				try (ResultSet empty = statement.executeQuery("SELECT * FROM " + this.qualifiedName + " WHERE 1 = 0")) {
					present = hasColumn(empty.getMetaData(), DIRECTION);
				}
				if (!present) {
					statement
						.execute("ALTER TABLE " + this.qualifiedName + " ADD COLUMN " + DIRECTION + " VARCHAR(10)");
				}
				this.hasDirection = true;
			}
			statement.execute("DELETE FROM " + this.qualifiedName);
		}
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO " + this.qualifiedName + " (REVISION, FILENAME, STARTED, STATEMENTS, STARTED_BY, "
						+ DIRECTION + ") VALUES (?, ?, CURRENT_TIMESTAMP, 0, ?, ?)")) {
			insert.setString(1, revision);
			insert.setString(2, truncated(file, 1000));
			insert.setString(3, truncated(startedBy(), 255));
			insert.setString(4, downgrade ? DOWNGRADE : UPGRADE);
			insert.executeUpdate();
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/**
	 * Record that the next statement starts, in the revision's transaction: a statement
	 * that commits at once (DDL) commits it with everything before it, and a rollback
	 * takes it back with what it rolls back.
	 * @param connection the connection
	 * @param number the number
	 * @param sql the sql
	 */
	void statementStarting(Connection connection, int number, String sql) throws SQLException {
		if (this.progress == null) {
			this.progress = connection
				.prepareStatement("UPDATE " + this.qualifiedName + " SET STATEMENTS = ?, LAST_STATEMENT = ?");
		}
		this.progress.setInt(1, number);
		this.progress.setString(2, truncated(sql.strip(), STATEMENT_LENGTH));
		this.progress.executeUpdate();
	}

	/**
	 * Remove the marker: in the transaction that writes the revision's history rows, or
	 * on its own.
	 * @param connection the connection
	 */
	void clear(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM " + this.qualifiedName);
		}
	}

	void close() {
		if (this.progress != null) {
			try {
				this.progress.close();
			}
			catch (SQLException ex) {
				// closed with the connection
			}
			this.progress = null;
		}
	}

	private static String startedBy() {
		return "process " + ProcessHandle.current().pid() + " on " + Host.NAME;
	}

	private static @Nullable String truncated(@Nullable String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	// Looked up once, when a revision first starts: a name lookup may be slow.
	private static final class Host {

		static final String NAME = lookUp();

		private static String lookUp() {
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				return "an unknown host";
			}
		}

	}

}
