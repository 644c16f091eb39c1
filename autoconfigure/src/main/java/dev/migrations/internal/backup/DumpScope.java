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

package dev.migrations.internal.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a PostgreSQL backup before a migration dumps, decided from the database's size:
 * the whole database up to {@code migrations.backup.max-size}; above it the schema of
 * every table and the data of only the tables the pending revisions write to (one
 * {@code pg_dump --format=custom} with {@code --exclude-table-data} for the others,
 * restorable with {@code pg_restore}); and nothing when even that is above the limit.
 *
 * @param arguments the pg_dump arguments that narrow the dump, empty for the whole
 * database
 * @param description what is dumped, for logs
 * @author Migrations for Spring Boot contributors
 */
record DumpScope(List<String> arguments, String description) {

	static DumpScope whole() {
		return new DumpScope(List.of(), "the whole database");
	}

	/**
	 * Decide the scope.
	 * @param connection a connection to the database
	 * @param maxSize the largest dump to take, in bytes, or {@code null} for no limit
	 * @param written the tables the pending revisions write to ({@code name} or
	 * {@code schema.name}, lower case), or {@code null} if they are not known
	 * @return the scope
	 * @throws TooLarge if not even the written tables fit under the limit
	 */
	static DumpScope decide(Connection connection, @Nullable Long maxSize, @Nullable Set<String> written)
			throws SQLException, TooLarge {
		if (maxSize == null) {
			return whole();
		}
		long databaseSize;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_database_size(current_database())")) {
			result.next();
			databaseSize = result.getLong(1);
		}
		if (databaseSize <= maxSize) {
			return whole();
		}
		if (written == null) {
			throw new TooLarge("the database is " + size(databaseSize) + ", above migrations.backup.max-size ("
					+ size(maxSize) + "), and the tables the pending revisions write to are not known (a Java "
					+ "revision, or a changelog whose tables cannot be read from its text)");
		}
		List<String> excluded = new ArrayList<>();
		List<String> dumped = new ArrayList<>();
		long dumpedSize = 0;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT n.nspname, c.relname, pg_total_relation_size(c.oid) "
						+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', "
						+ "'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT "
						+ "LIKE 'pg_toast%' ORDER BY 1, 2")) {
			while (result.next()) {
				String schema = result.getString(1);
				String table = result.getString(2);
				String qualified = schema + "." + table;
				if (written.contains(table.toLowerCase(Locale.ROOT))
						|| written.contains(qualified.toLowerCase(Locale.ROOT))) {
					dumped.add(qualified);
					dumpedSize += result.getLong(3);
				}
				else {
					excluded.add("--exclude-table-data=" + quote(schema) + "." + quote(table));
				}
			}
		}
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
		if (dumpedSize > maxSize) {
			throw new TooLarge("the database is " + size(databaseSize) + " and the tables the pending revisions write "
					+ "to (" + String.join(", ", dumped) + ") alone are " + size(dumpedSize)
					+ ", above migrations.backup.max-size (" + size(maxSize) + ")");
		}
		return new DumpScope(excluded,
				"the schema of every table and the data of the tables the pending revisions write to: "
						+ (dumped.isEmpty() ? "none" : String.join(", ", dumped)) + " (the database is "
						+ size(databaseSize) + ", above migrations.backup.max-size " + size(maxSize) + ")");
	}

	/**
	 * Whether this dump leaves the data of some tables out.
	 * @return {@code true} for a tables-only backup
	 */
	boolean partial() {
		return !this.arguments.isEmpty();
	}

	// pg_dump reads patterns: quote names so that they match exactly.
	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String size(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
		}
		if (bytes >= 1L << 20) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
		}
		return String.format(Locale.ROOT, "%d kB", bytes / 1024);
	}

	/**
	 * Not even the tables the pending revisions write to fit under the size limit.
	 */
	static final class TooLarge extends IOException {

		TooLarge(String message) {
			super(message);
		}

	}

}
