package dev.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Catalog queries for the schema readers: rows of a query with one schema parameter, and
 * counts of what a model leaves out.
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
			// a catalog this database does not have: nothing of the kind to list
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
