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
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import dev.migrations.MigrationException;

/**
 * Reads one schema of a database into a {@link SchemaModel}, from the database's own
 * catalog, and writes names back as that database reads them. One implementation per
 * database.
 *
 * @author Migrations for Spring Boot contributors
 */
interface SchemaReader {

	/**
	 * Read a schema.
	 * @param connection a connection to the database; only read
	 * @param schema the schema's name, as stored
	 * @param excludedTables tables left out, lower case
	 * @return the model
	 * @throws SQLException if the catalog cannot be read
	 */
	SchemaModel read(Connection connection, String schema, Set<String> excludedTables) throws SQLException;

	/**
	 * A name as this database reads it in DDL: unquoted where that keeps it, quoted
	 * otherwise.
	 * @param name the name as stored
	 * @return the name for DDL
	 */
	String identifier(String name);

	/**
	 * The reader for a connection's database.
	 * @param connection the connection
	 * @param what what the caller is doing, for a failure message
	 * @return the reader
	 * @throws MigrationException if the database is not one the starter can read
	 */
	static SchemaReader of(Connection connection, String what) {
		String product;
		try {
			product = connection.getMetaData().getDatabaseProductName();
			if ("H2".equalsIgnoreCase(product)) {
				return new H2SchemaReader(connection.getMetaData().storesLowerCaseIdentifiers());
			}
			if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
				return new PostgresSchemaReader(connection);
			}
			if (product.toLowerCase(Locale.ROOT).contains("mariadb")
					|| product.toLowerCase(Locale.ROOT).contains("mysql")) {
				// MySQL's driver calls a MariaDB server MySQL; its version says MariaDB.
				boolean mariaDb = product.toLowerCase(Locale.ROOT).contains("mariadb") || connection.getMetaData()
					.getDatabaseProductVersion()
					.toLowerCase(Locale.ROOT)
					.contains("mariadb");
				return new MariaDbSchemaReader(connection, !mariaDb);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot " + what + ": " + ex.getMessage(), "Check the database connection.",
					ex);
		}
		throw new MigrationException("Cannot " + what
				+ ": the starter reads schemas of H2, PostgreSQL, MariaDB and MySQL only, not " + product + ".",
				"Describe or compare the schema with the database's own tools.");
	}

	/**
	 * Read a schema, failing with a message that says what could not be read.
	 * @param connection the connection
	 * @param schema the schema
	 * @param excludedTables tables left out, lower case
	 * @param what what the caller is doing
	 * @return the model
	 */
	default SchemaModel readOrFail(Connection connection, String schema, Set<String> excludedTables, String what) {
		try {
			return read(connection, schema, excludedTables);
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot " + what + " (schema " + schema + "): " + ex.getMessage(),
					"Check the database connection and the user's privileges to read the schema's catalog.", ex);
		}
	}

}
