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

package dev.migrations.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrations.internal.lock.PostgresAdvisoryLock;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * A fresh PostgreSQL database for one scenario, and what a test observes in it: tables,
 * history, the migration lock and the sessions working on it.
 */
final class ScenarioDatabase {

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	private ScenarioDatabase(TestDatabase database) {
		this.database = database;
		this.jdbc = database.jdbc();
	}

	static ScenarioDatabase postgres() {
		return new ScenarioDatabase(TestDatabases.postgres());
	}

	TestDatabase database() {
		return this.database;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	String name() {
		String url = this.database.url();
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * The JDBC URL of this database for a client that names itself in
	 * {@code pg_stat_activity}. The URL carries no credentials: the PostgreSQL driver
	 * would prefer them to the user and password a client passes.
	 * @param applicationName the application name
	 * @return the URL
	 */
	String url(String applicationName) {
		String url = this.database.url();
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		String parameters = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
		StringBuilder result = new StringBuilder(path).append("?ApplicationName=").append(applicationName);
		for (String parameter : parameters.split("&")) {
			String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
			if (!parameter.isEmpty() && !name.equalsIgnoreCase("user") && !name.equalsIgnoreCase("password")) {
				result.append('&').append(parameter);
			}
		}
		return result.toString();
	}

	/**
	 * The arguments that point an application at this database.
	 * @param applicationName the name the application's connections show in
	 * {@code pg_stat_activity}
	 * @return the arguments
	 */
	List<String> datasourceArguments(String applicationName) {
		return List.of("--spring.datasource.url=" + url(applicationName),
				"--spring.datasource.username=" + this.database.user(),
				"--spring.datasource.password=" + this.database.password());
	}

	/**
	 * The advisory lock key of the default history table, as every migrator of this
	 * database computes it.
	 * @return the key
	 */
	long lockKey() {
		return PostgresAdvisoryLock.keyFor(name(), "public", "DATABASECHANGELOG");
	}

	/**
	 * The backend holding the migration lock, if any.
	 * @return the backend pid, or {@code null}
	 */
	Integer lockHolder() {
		List<Integer> pids = this.jdbc.queryForList(
				"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
						+ "AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = ?",
				Integer.class, lockKey());
		return pids.isEmpty() ? null : pids.get(0);
	}

	/**
	 * Whether a client is running a statement that contains some text.
	 * @param applicationName the client's application name
	 * @param fragment part of the statement
	 * @return {@code true} if such a statement is running now
	 */
	boolean isRunning(String applicationName, String fragment) {
		return !this.jdbc
			.queryForList(
					"SELECT pid FROM pg_stat_activity WHERE datname = ? AND application_name = ? "
							+ "AND state = 'active' AND query LIKE ?",
					Integer.class, name(), applicationName, "%" + fragment + "%")
			.isEmpty();
	}

	/**
	 * The revisions recorded in the history, as their marker tags, in the order they were
	 * recorded.
	 * @return the revision ids; a revision recorded twice appears twice
	 */
	List<String> recordedRevisions() {
		if (!tables().contains("databasechangelog")) {
			return List.of();
		}
		return this.jdbc.queryForList("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted",
				String.class);
	}

	/**
	 * The change sets recorded in the history, as {@code id::author}, in order.
	 * @return the change sets; one recorded twice appears twice
	 */
	List<String> recordedChangeSets() {
		if (!tables().contains("databasechangelog")) {
			return List.of();
		}
		return this.jdbc.queryForList("SELECT id || '::' || author FROM databasechangelog ORDER BY orderexecuted",
				String.class);
	}

	List<String> tables() {
		return this.database.tables();
	}

	int rows(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	/**
	 * Open a session that holds the migration lock, as a running migrator would.
	 * @param applicationName the name the session shows in {@code pg_stat_activity}
	 * @return the session; closing it releases the lock
	 * @throws SQLException on a database error
	 */
	LockHolder holdLock(String applicationName) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.database.user());
		properties.setProperty("password", this.database.password());
		Connection connection = DriverManager.getConnection(url(applicationName), properties);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + lockKey() + ")");
			var result = statement.executeQuery("SELECT pg_backend_pid()");
			result.next();
			return new LockHolder(connection, result.getInt(1));
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * A session holding the migration lock.
	 *
	 * @param connection the session's connection
	 * @param pid the session's backend pid
	 */
	record LockHolder(Connection connection, int pid) implements AutoCloseable {

		@Override
		public void close() throws SQLException {
			this.connection.close();
		}

	}

}
