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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.Container;
import dev.migrations.DatabaseInfo;

/**
 * Reads the history table and writes its rows with plain JDBC, in the columns Liquibase
 * defines, so that the Liquibase CLI reads what this starter writes.
 *
 * @author Migrations for Spring Boot contributors
 */
final class HistoryTable {

	private final String table;

	private final String qualifiedName;

	private final Container container;

	HistoryTable(String table, @Nullable String schema, Container container) {
		this.table = table;
		this.container = container;
		this.qualifiedName = (schema != null) ? schema + "." + table : table;
	}

	String qualifiedName() {
		return this.qualifiedName;
	}

	boolean exists(Connection connection) throws SQLException {
		return this.container.hasTable(connection, this.table);
	}

	List<HistoryRow> read(Connection connection) throws SQLException {
		List<HistoryRow> rows = new ArrayList<>();
		String sql = "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, "
				+ "COMMENTS, TAG, DEPLOYMENT_ID FROM " + this.qualifiedName + " ORDER BY ORDEREXECUTED, DATEEXECUTED";
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				Timestamp executed = result.getTimestamp(4);
				rows.add(new HistoryRow(result.getString(1), result.getString(2), result.getString(3),
						(executed != null) ? executed.toInstant() : null, result.getInt(5), result.getString(6),
						result.getString(7), result.getString(8), result.getString(9), result.getString(10),
						result.getString(11)));
			}
		}
		return rows;
	}

	/**
	 * The checksum recorded for each change set, by key, from one narrow query;
	 * {@code null} when the history cannot answer that simply (a key recorded twice, a
	 * checksum cleared), so that the caller reads it in full.
	 * @param connection the connection
	 * @return the string
	 */
	@Nullable Map<String, String> checksums(Connection connection) throws SQLException {
		Map<String, String> checksums = new HashMap<>();
		String sql = "SELECT FILENAME, ID, AUTHOR, MD5SUM FROM " + this.qualifiedName;
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				String checksum = result.getString(4);
				if (checksum == null
						|| checksums.put(HistoryRow.key(result.getString(1), result.getString(2), result.getString(3)),
								checksum) != null) {
					return null;
				}
			}
		}
		return checksums;
	}

	/**
	 * A cheap summary of the history that changes whenever a row is added or removed, a
	 * checksum cleared, or a revision recorded: row count, highest order, checksums
	 * present, newest date.
	 * @param connection the connection
	 * @return the string
	 */
	@Nullable String token(Connection connection) throws SQLException {
		String sql = "SELECT COUNT(*), MAX(ORDEREXECUTED), COUNT(MD5SUM), MAX(DATEEXECUTED) FROM " + this.qualifiedName;
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			long rows = result.getLong(1);
			return (rows == 0) ? null
					: rows + ":" + result.getLong(2) + ":" + result.getLong(3) + ":" + result.getTimestamp(4);
		}
	}

	/**
	 * The INSERT that records one change set, as literal SQL so that a dry run shows
	 * exactly what runs.
	 * @param changeSet the change set
	 * @param comments the comments
	 * @param execType the exec type
	 * @param order the order
	 * @param deploymentId the deployment id
	 * @param liquibaseVersion the liquibase version
	 * @param tag the tag
	 * @return the string
	 */
	String insertSql(PlannedChangeSet changeSet, int order, String execType, @Nullable String comments,
			@Nullable String tag, String deploymentId, String liquibaseVersion) {
		return insertSql(changeSet, order, execType, comments, tag, deploymentId, liquibaseVersion, null);
	}

	/**
	 * The INSERT that records one change set as executed at a given time (the database's
	 * local time, as {@code DATEEXECUTED} holds it), or now.
	 * @param changeSet the change set
	 * @param comments the comments
	 * @param execType the exec type
	 * @param order the order
	 * @param deploymentId the deployment id
	 * @param executedAt the executed at
	 * @param liquibaseVersion the liquibase version
	 * @param tag the tag
	 * @return the string
	 */
	String insertSql(PlannedChangeSet changeSet, int order, String execType, @Nullable String comments,
			@Nullable String tag, String deploymentId, String liquibaseVersion, @Nullable LocalDateTime executedAt) {
		String date = (executedAt != null)
				? "TIMESTAMP '" + executedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")) + "'"
				: "CURRENT_TIMESTAMP";
		return "INSERT INTO " + this.qualifiedName + " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
				+ "MD5SUM, DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID) VALUES ("
				+ literal(changeSet.id(), 255) + ", " + literal(changeSet.author(), 255) + ", "
				+ literal(changeSet.filename(), 255) + ", " + date + ", " + order + ", " + literal(execType, 10) + ", "
				+ literal(changeSet.checksum(), 35) + ", " + literal(changeSet.description(), 255) + ", "
				+ literal(comments, 255) + ", " + literal(tag, 255) + ", " + literal(liquibaseVersion, 20) + ", "
				+ literal(changeSet.contexts(), 255) + ", " + literal(changeSet.labels(), 255) + ", "
				+ literal(deploymentId, 10) + ")";
	}

	/**
	 * The row that records one change set as executed now: executed as a prepared
	 * statement that a session reuses for every row, shown in a preview as the literal
	 * INSERT.
	 * @param changeSet the change set
	 * @param comments the comments
	 * @param execType the exec type
	 * @param order the order
	 * @param deploymentId the deployment id
	 * @param liquibaseVersion the liquibase version
	 * @param tag the tag
	 * @return the insert
	 */
	Insert insert(PlannedChangeSet changeSet, int order, String execType, @Nullable String comments,
			@Nullable String tag, String deploymentId, String liquibaseVersion) {
		return new Insert(this, changeSet, order, execType, comments, tag, deploymentId, liquibaseVersion);
	}

	/**
	 * The parameterized INSERT of a history row dated now, whose parameters
	 * {@link Insert#bind} sets.
	 * @return the string
	 */
	String insertStatement() {
		return "INSERT INTO " + this.qualifiedName + " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
				+ "MD5SUM, DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID) VALUES (?, ?, ?, "
				+ "CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	}

	/**
	 * The DDL of the history table, column for column what Liquibase creates, for the
	 * databases where it is known (H2, PostgreSQL, MariaDB and MySQL), so that creating
	 * the table does not need Liquibase, and a preview of it runs in any database.
	 * @param database the database
	 * @return the string
	 */
	String createSql(DatabaseInfo database) {
		String timestamp = database.isPostgres() ? "TIMESTAMP WITHOUT TIME ZONE"
				: database.isMariaDbOrMySql() ? "DATETIME" : "TIMESTAMP";
		return "CREATE TABLE " + this.qualifiedName + " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, "
				+ "FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED " + timestamp
				+ " NOT NULL, ORDEREXECUTED INTEGER NOT NULL, "
				+ "EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), "
				+ "TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), "
				+ "DEPLOYMENT_ID VARCHAR(10))";
	}

	String updateChecksumSql(ChecksumUpdate update) {
		HistoryRow row = update.row();
		return "UPDATE " + this.qualifiedName + " SET MD5SUM = " + literal(update.checksum(), 35)
				+ ((update.comments() != null) ? ", COMMENTS = " + literal(update.comments(), 255) : "")
				+ " WHERE ID = " + literal(row.id(), 255) + " AND AUTHOR = " + literal(row.author(), 255)
				+ " AND FILENAME = " + literal(row.filename(), 255);
	}

	String deleteSql(HistoryRow row) {
		return "DELETE FROM " + this.qualifiedName + " WHERE ID = " + literal(row.id(), 255) + " AND AUTHOR = "
				+ literal(row.author(), 255) + " AND FILENAME = " + literal(row.filename(), 255);
	}

	private static String literal(@Nullable String value, int maxLength) {
		String text = truncated(value, maxLength);
		return (text != null) ? "'" + text.replace("'", "''") + "'" : "NULL";
	}

	private static @Nullable String truncated(@Nullable String value, int maxLength) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return (value.length() > maxLength) ? value.substring(0, maxLength) : value;
	}

	/**
	 * One history row to insert, dated now.
	 *
	 * @param changeSet the change set
	 * @param comments the comments
	 * @param deploymentId the deployment id
	 * @param execType the exec type
	 * @param liquibaseVersion the liquibase version
	 * @param order the order
	 * @param table the table
	 * @param tag the tag
	 */
	record Insert(HistoryTable table, PlannedChangeSet changeSet, int order, String execType, @Nullable String comments,
			@Nullable String tag, String deploymentId, String liquibaseVersion) {

		/**
		 * The row as a literal INSERT, for previews and messages.
		 * @return the string
		 */
		String literalSql() {
			return this.table.insertSql(this.changeSet, this.order, this.execType, this.comments, this.tag,
					this.deploymentId, this.liquibaseVersion);
		}

		/**
		 * Set the parameters of {@link HistoryTable#insertStatement()}, values truncated
		 * as the literal does.
		 * @param statement the statement
		 */
		void bind(PreparedStatement statement) throws SQLException {
			setText(statement, 1, this.changeSet.id(), 255);
			setText(statement, 2, this.changeSet.author(), 255);
			setText(statement, 3, this.changeSet.filename(), 255);
			statement.setInt(4, this.order);
			setText(statement, 5, this.execType, 10);
			setText(statement, 6, this.changeSet.checksum(), 35);
			setText(statement, 7, this.changeSet.description(), 255);
			setText(statement, 8, this.comments, 255);
			setText(statement, 9, this.tag, 255);
			setText(statement, 10, this.liquibaseVersion, 20);
			setText(statement, 11, this.changeSet.contexts(), 255);
			setText(statement, 12, this.changeSet.labels(), 255);
			setText(statement, 13, this.deploymentId, 10);
		}

		private static void setText(PreparedStatement statement, int index, @Nullable String value, int maxLength)
				throws SQLException {
			String text = truncated(value, maxLength);
			if (text != null) {
				statement.setString(index, text);
			}
			else {
				statement.setNull(index, Types.VARCHAR);
			}
		}

	}

}
