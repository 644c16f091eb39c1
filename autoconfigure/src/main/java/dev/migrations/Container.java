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

package dev.migrations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a migrator's tables live: a database on MariaDB and MySQL (the JDBC catalog;
 * {@code getSchema()} is null there), a schema everywhere else. Every lookup of the
 * history, the lock and the user's tables, and every message, goes through it.
 *
 * @param kind a database or a schema
 * @param name its name, as the database stores it
 * @author Migrations for Spring Boot contributors
 */
public record Container(Kind kind, String name) {

	/**
	 * What the container is.
	 */
	public enum Kind {

		/** A database, the JDBC catalog: MariaDB and MySQL. */
		DATABASE,

		/** A schema. */
		SCHEMA;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The kind of container a database product keeps tables in.
	 * @param product the product name, as the JDBC driver gives it
	 * @return {@link Kind#DATABASE} on MariaDB and MySQL, else {@link Kind#SCHEMA}
	 */
	public static Kind kindOf(String product) {
		String lower = product.toLowerCase(Locale.ROOT);
		return (lower.contains("mariadb") || lower.contains("mysql")) ? Kind.DATABASE : Kind.SCHEMA;
	}

	/**
	 * The container a connection works in now.
	 * @param connection the connection
	 * @return the container
	 * @throws SQLException on a database error
	 * @throws MigrationException on MariaDB or MySQL when the connection has no database
	 * selected
	 */
	public static Container current(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		if (kindOf(meta.getDatabaseProductName()) == Kind.DATABASE) {
			String database = connection.getCatalog();
			if (database == null || database.isEmpty()) {
				throw new MigrationException(
						"The connection " + DatabaseInfo.sanitize(meta.getURL()) + " has no database selected: on "
								+ meta.getDatabaseProductName()
								+ " the history and the application's tables live in a database. Nothing was written.",
						"Name the database in the JDBC URL (jdbc:mariadb://host:3306/app), or set "
								+ "migrations.default-schema to it.");
			}
			return new Container(Kind.DATABASE, database);
		}
		String schema = connection.getSchema();
		return new Container(Kind.SCHEMA, (schema != null) ? schema : "");
	}

	/**
	 * Make a configured container the connection's current one.
	 * @param connection the connection
	 * @param name the configured name, in any case
	 * @return the container now current
	 * @throws SQLException on a database error
	 */
	public static Container use(Connection connection, String name) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		if (kindOf(meta.getDatabaseProductName()) == Kind.DATABASE) {
			connection.setCatalog(name);
		}
		else {
			connection.setSchema(storedCase(meta, name));
		}
		return current(connection);
	}

	/**
	 * Make this container the connection's current one again.
	 * @param connection the connection
	 * @throws SQLException on a database error
	 */
	public void restore(Connection connection) throws SQLException {
		if (this.name.isEmpty()) {
			return;
		}
		if (this.kind == Kind.DATABASE) {
			if (!this.name.equals(connection.getCatalog())) {
				connection.setCatalog(this.name);
			}
		}
		else if (!this.name.equals(connection.getSchema())) {
			connection.setSchema(this.name);
		}
	}

	/**
	 * The tables of this container only (never another database's on the same server).
	 * @param meta the connection's metadata
	 * @param tableNamePattern a table name pattern, in the case the database stores
	 * @param types the table types, or {@code null} for all
	 * @return the result of {@link DatabaseMetaData#getTables}; the caller closes it
	 * @throws SQLException on a database error
	 */
	public ResultSet tables(DatabaseMetaData meta, String tableNamePattern, String @Nullable [] types)
			throws SQLException {
		String name = this.name.isEmpty() ? null : this.name;
		return (this.kind == Kind.DATABASE) ? meta.getTables(name, null, tableNamePattern, types)
				: meta.getTables(null, name, tableNamePattern, types);
	}

	/**
	 * Whether a table exists in this container.
	 * @param connection the connection
	 * @param table the table name, in any case
	 * @return {@code true} if it exists
	 * @throws SQLException on a database error
	 */
	public boolean hasTable(Connection connection, String table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		try (ResultSet tables = tables(meta, storedCase(meta, table), null)) {
			return tables.next();
		}
	}

	/**
	 * The container as messages name it: {@code database 'app'}, {@code schema 'public'}.
	 * @return the description
	 */
	@Override
	public String toString() {
		return this.kind + " '" + this.name + "'";
	}

	static String storedCase(DatabaseMetaData meta, String identifier) throws SQLException {
		if (meta.storesLowerCaseIdentifiers()) {
			return identifier.toLowerCase(Locale.ROOT);
		}
		if (meta.storesUpperCaseIdentifiers()) {
			return identifier.toUpperCase(Locale.ROOT);
		}
		return identifier;
	}

}
