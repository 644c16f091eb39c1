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

package dev.migrations.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The MariaDB server the MariaDB tests run on: {@code MIGRATIONS_TEST_MARIADB_URL} (an
 * admin JDBC URL without a database, with {@code MIGRATIONS_TEST_MARIADB_USER} and
 * {@code MIGRATIONS_TEST_MARIADB_PASSWORD}), else {@code jdbc:mariadb://127.0.0.1:3306/}
 * as root without a password. Each test gets a database of its own, dropped when the JVM
 * exits.
 */
public final class MariaDbServer {

	/** Environment variable naming the MariaDB server's admin JDBC URL. */
	public static final String URL_ENV = "MIGRATIONS_TEST_MARIADB_URL";

	private static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/";

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile @Nullable MariaDbServer server;

	private static volatile @Nullable String unavailable;

	private final String url;

	private final String user;

	private final String password;

	private MariaDbServer(String url, String user, String password) {
		this.url = url.endsWith("/") ? url : url + "/";
		this.user = user;
		this.password = password;
		Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll));
	}

	/**
	 * The server, if one answers.
	 * @return the server
	 * @throws IllegalStateException if none answers
	 */
	public static MariaDbServer get() {
		MariaDbServer found = find();
		if (found == null) {
			throw new IllegalStateException("No MariaDB server: " + unavailable);
		}
		return found;
	}

	/**
	 * Why no server answers, or {@code null} if one does.
	 * @return the reason
	 */
	static @Nullable String unavailable() {
		find();
		return unavailable;
	}

	private static synchronized @Nullable MariaDbServer find() {
		if (server == null && unavailable == null) {
			String url = envOr(URL_ENV, DEFAULT_URL);
			String user = envOr(URL_ENV.replace("_URL", "_USER"), "root");
			String password = envOr(URL_ENV.replace("_URL", "_PASSWORD"), "");
			try (Connection connection = DriverManager.getConnection(url + "?connectTimeout=2000", user, password)) {
				server = new MariaDbServer(url, user, password);
			}
			catch (SQLException ex) {
				unavailable = "no MariaDB server answered at " + url + " as " + user + " (" + ex.getMessage() + ")";
			}
		}
		return server;
	}

	/**
	 * Create a new, empty database.
	 * @return the database
	 */
	public TestDatabase newDatabase() {
		String name = "test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet() + "_"
				+ UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
		execute("CREATE DATABASE " + name);
		return new TestDatabase("mariadb", this.url + name, this.user, this.password);
	}

	/**
	 * The admin URL, without a database.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Run a statement as the admin user.
	 * @param sql the statement
	 */
	public void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run " + sql + " on " + this.url, ex);
		}
	}

	private void dropAll() {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			// A session of this JVM still open on one of its databases (a pool no test
			// closed, a transaction a failed test left open) would make DROP DATABASE
			// wait
			// for its metadata lock, and the JVM's exit with it: end those sessions
			// first.
			String pattern = "test\\_" + ProcessHandle.current().pid() + "\\_%";
			List<Long> sessions = new java.util.ArrayList<>();
			try (var open = statement.executeQuery("SELECT id FROM information_schema.processlist " + "WHERE db LIKE '"
					+ pattern + "' AND id <> CONNECTION_ID()")) {
				while (open.next()) {
					sessions.add(open.getLong(1));
				}
			}
			for (Long session : sessions) {
				try {
					statement.execute("KILL " + session);
				}
				catch (SQLException ex) {
					// it ended meanwhile
				}
			}
			statement.execute("SET SESSION lock_wait_timeout = 5");
			// This JVM's databases and those its tests made beside them
			// (test_<pid>_<n>_billing).
			try (var scratch = statement.executeQuery("SELECT schema_name FROM information_schema.schemata "
					+ "WHERE schema_name LIKE '" + pattern + "'")) {
				List<String> names = new java.util.ArrayList<>();
				while (scratch.next()) {
					names.add(scratch.getString(1));
				}
				for (String name : names) {
					try {
						statement.execute("DROP DATABASE IF EXISTS " + name);
					}
					catch (SQLException ex) {
						// still locked: left behind, named test_<pid>_...
					}
				}
			}
		}
		catch (SQLException ex) {
			// the JVM is exiting; a database left behind is named test_<pid>_...
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
