package dev.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrations.MigrationException;

/**
 * The check constraints of a schema, read from the catalog: Liquibase's open-source
 * snapshot leaves them out.
 */
final class CheckConstraints {

	private static final String POSTGRES = """
			SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
			FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE c.contype = 'c' AND n.nspname = ? ORDER BY t.relname, c.conname""";

	private static final String STANDARD = """
			SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, CONCAT('CHECK (', cc.CHECK_CLAUSE, ')')
			FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
			ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ? ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME""";

	private CheckConstraints() {
	}

	/**
	 * The check constraints of a schema, by table and name.
	 * @return constraint definitions ({@code CHECK (...)}) keyed by {@link Key}, in table
	 * and name order
	 */
	static Map<Key, String> read(Connection connection, String schema, Set<String> excludedTables) {
		Map<Key, String> checks = new LinkedHashMap<>();
		try {
			boolean postgres = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgres");
			try (PreparedStatement statement = connection.prepareStatement(postgres ? POSTGRES : STANDARD)) {
				statement.setString(1, schema);
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						String table = result.getString(1);
						if (!excludedTables.contains(table.toLowerCase(Locale.ROOT))) {
							checks.put(new Key(table, result.getString(2)), result.getString(3));
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot read the check constraints of schema " + schema + ": " + ex.getMessage(),
					"Check the user's privileges to read the schema.", ex);
		}
		return checks;
	}

	/**
	 * A check constraint's table and name.
	 */
	record Key(String table, String name) {
	}

}
