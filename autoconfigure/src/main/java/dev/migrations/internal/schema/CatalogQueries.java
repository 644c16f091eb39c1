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

package dev.migrations.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Catalog queries for the schema readers: rows of a query with one schema parameter, and
 * counts of what a model leaves out.
 *
 * @author Migrations for Spring Boot contributors
 */
final class CatalogQueries {

	private CatalogQueries() {
	}

	static void count(Connection connection, String sql, String schema, String one, List<String> found) {
		count(connection, sql, schema, one, one + "s", found);
	}

	static void count(Connection connection, String sql, String schema, String one, String many, List<String> found) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				long count = result.next() ? result.getLong(1) : 0;
				if (count > 0) {
					found.add(count + " " + ((count == 1) ? one : many));
				}
			}
		}
		catch (SQLException ex) {
			// Never "none of them" for what could not be counted: the header and the
			// drift
			// report say it was not read.
			found.add("an unknown number of " + many + " (not counted: " + ex.getMessage() + ")");
		}
	}

	static void query(Connection connection, String sql, @Nullable String parameter, RowHandler handler)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					handler.handle(result);
				}
			}
		}
	}

	@FunctionalInterface
	interface RowHandler {

		void handle(ResultSet row) throws SQLException;

	}

}
