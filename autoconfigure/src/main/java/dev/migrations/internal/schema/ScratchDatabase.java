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

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationException;

/**
 * A database of its own to build an expected schema in, on the same server as the live
 * one, dropped on close: an in-memory database on H2, a temporary database
 * ({@code CREATE DATABASE}) on PostgreSQL, MariaDB and MySQL.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class ScratchDatabase implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ScratchDatabase.class);

	// Settings of an H2 URL that change how SQL is read, carried over to the in-memory
	// database.
	private static final List<String> H2_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
			"CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "IGNORECASE", "DEFAULT_NULL_ORDERING");

	private final Connection connection;

	private final @Nullable String name;

	private final @Nullable DataSource live;

	private ScratchDatabase(Connection connection, @Nullable String name, @Nullable DataSource live) {
		this.connection = connection;
		this.name = name;
		this.live = live;
	}

	/**
	 * Create a scratch database beside the live one.
	 * @param live the live database's data source: on PostgreSQL its user must be allowed
	 * to create databases
	 * @param liveConnection an open connection to the live database
	 * @return the scratch database
	 * @throws MigrationException if none can be created, saying why and what to do
	 */
	public static ScratchDatabase create(DataSource live, Connection liveConnection) {
		return create(live, liveConnection, "drift check");
	}

	/**
	 * Create a scratch database beside the live one, for a check named in messages.
	 * @param live the live database's data source: on PostgreSQL its user must be allowed
	 * to create databases
	 * @param liveConnection an open connection to the live database
	 * @param check the check it is for, such as {@code lock check}
	 * @return the scratch database
	 * @throws MigrationException if none can be created, saying why and what to do
	 */
	public static ScratchDatabase create(DataSource live, Connection liveConnection, String check) {
		try {
			DatabaseMetaData meta = liveConnection.getMetaData();
			String product = meta.getDatabaseProductName();
			if ("H2".equalsIgnoreCase(product)) {
				return new ScratchDatabase(DriverManager.getConnection(h2Url(meta.getURL()), "sa", ""), null, null);
			}
			if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
				return postgres(live, liveConnection, meta, check);
			}
			if (product.toLowerCase(Locale.ROOT).contains("mariadb")
					|| product.toLowerCase(Locale.ROOT).contains("mysql")) {
				return mariaDb(live, liveConnection, meta);
			}
			throw new MigrationException(
					"The drift check cannot build the expected schema on " + product
							+ ": it knows how to create a scratch database on H2, PostgreSQL, MariaDB and MySQL only.",
					"Compare the schema by hand, e.g. with the Liquibase CLI's diff command.");
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot create a scratch database to build the expected schema in: " + ex.getMessage(),
					"Check the database connection.", ex);
		}
	}

	static String h2Url(String liveUrl) {
		StringBuilder url = new StringBuilder("jdbc:h2:mem:migrations_scratch_")
			.append(UUID.randomUUID().toString().replace("-", ""));
		String[] parts = liveUrl.split(";");
		for (int i = 1; i < parts.length; i++) {
			String key = parts[i].contains("=") ? parts[i].substring(0, parts[i].indexOf('=')).trim() : parts[i];
			if (H2_SETTINGS.contains(key.toUpperCase(Locale.ROOT))) {
				url.append(';').append(parts[i]);
			}
		}
		return url.toString();
	}

	private static ScratchDatabase postgres(DataSource live, Connection liveConnection, DatabaseMetaData meta,
			String check) throws SQLException {
		String name = "migrations_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		String user = meta.getUserName();
		boolean autoCommit = liveConnection.getAutoCommit();
		try (Statement statement = liveConnection.createStatement()) {
			liveConnection.setAutoCommit(true);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			if ("42501".equals(ex.getSQLState())) {
				throw new MigrationException(
						"The database user '" + user + "' may not create a database (" + ex.getMessage() + "): the "
								+ check + " builds the schema the revisions produce in a "
								+ "temporary database on the same server, dropped right after. Nothing was written.",
						"Grant the user that right (ALTER ROLE " + user + " CREATEDB), or run the check with a user "
								+ "that has it: migrations.url, migrations.user and migrations.password give the "
								+ "migrator a connection of its own.",
						ex);
			}
			throw new MigrationException(
					"Cannot create the temporary database " + name + " for the " + check + ": " + ex.getMessage(),
					"Check the database server and the user's privileges. Nothing was written.", ex);
		}
		finally {
			liveConnection.setAutoCommit(autoCommit);
		}
		try {
			Properties properties = new Properties();
			if (user != null) {
				properties.setProperty("user", user);
			}
			String password = password(live);
			if (password != null) {
				properties.setProperty("password", password);
			}
			properties.setProperty("ApplicationName", "migrations " + check);
			Connection connection = DriverManager.getConnection(otherDatabase(meta.getURL(), name), properties);
			return new ScratchDatabase(connection, name, live);
		}
		catch (SQLException | RuntimeException ex) {
			drop(live, name);
			throw new MigrationException(
					"Cannot connect to the temporary database " + name + " for the " + check + ": " + ex.getMessage()
							+ ". It was dropped again.",
					"The check connects with the migrator's own user and password: give the migrator a connection of "
							+ "its own (migrations.url, migrations.user, migrations.password) if its data source does "
							+ "not expose them.",
					ex);
		}
	}

	// A database beside the live one on the same server, reached by a connection of the
	// live data source that switches to it: no credentials needed.
	private static ScratchDatabase mariaDb(DataSource live, Connection liveConnection, DatabaseMetaData meta)
			throws SQLException {
		String name = "migrations_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Statement statement = liveConnection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"The database user '" + meta.getUserName() + "' may not create a database (" + ex.getMessage()
							+ "): the drift check builds the schema the revisions produce in a temporary database "
							+ "on the same server, dropped right after. Nothing was written.",
					"Grant the user that right (GRANT CREATE, DROP ON `migrations_scratch_%`.* TO <user>), or run "
							+ "the check with a user that has it (migrations.url, migrations.user, "
							+ "migrations.password).",
					ex);
		}
		try {
			Connection connection = live.getConnection();
			connection.setCatalog(name);
			return new ScratchDatabase(connection, name, live);
		}
		catch (SQLException | RuntimeException ex) {
			drop(live, name);
			throw new MigrationException("Cannot use the temporary database " + name + " for the drift check: "
					+ ex.getMessage() + ". It was dropped again.",
					"Check the database server and the user's privileges.", ex);
		}
	}

	/**
	 * The same server URL with another database: jdbc:postgresql://host:port/db?params.
	 * @param database the database
	 * @param url the url
	 * @return the string
	 */
	static String otherDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query >= 0) ? url.substring(0, query) : url;
		String params = (query >= 0) ? url.substring(query) : "";
		int slash = base.indexOf('/', "jdbc:postgresql://".length());
		String server = (slash >= 0) ? base.substring(0, slash) : base;
		return server + "/" + database + params;
	}

	// The data source's password, if it tells: Spring's driver data sources and the
	// common pools have a getter.
	private static @Nullable String password(DataSource dataSource) {
		try {
			Method getter = dataSource.getClass().getMethod("getPassword");
			Object password = getter.invoke(dataSource);
			return (password != null) ? password.toString() : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A connection to the scratch database; closed with it.
	 * @return the connection
	 */
	public Connection connection() {
		return this.connection;
	}

	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the scratch database's connection", ex);
		}
		if (this.name != null && this.live != null) {
			drop(this.live, this.name);
		}
	}

	private static void drop(DataSource live, String name) {
		List<String> statements = new ArrayList<>(
				List.of("DROP DATABASE IF EXISTS " + name, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
		try (Connection connection = live.getConnection()) {
			connection.setAutoCommit(true);
			for (String sql : statements) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(sql);
					return;
				}
				catch (SQLException ex) {
					logger.debug("{} failed: {}", sql, ex.getMessage());
				}
			}
			logger.warn("Could not drop the drift check's temporary database {}: drop it by hand", name);
		}
		catch (SQLException ex) {
			logger.warn("Could not drop the drift check's temporary database {} ({}): drop it by hand", name,
					ex.getMessage());
		}
	}

}
