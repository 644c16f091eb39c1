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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real databases for tests. PostgreSQL is the server named by
 * {@code MIGRATIONS_TEST_POSTGRES_URL} (a JDBC URL of an admin connection, with
 * {@code MIGRATIONS_TEST_POSTGRES_USER} and {@code MIGRATIONS_TEST_POSTGRES_PASSWORD}),
 * or else an embedded PostgreSQL that the tests start once per JVM. Each call creates a
 * new database.
 */
public final class TestDatabases {

	/** Environment variable naming an external PostgreSQL server's admin JDBC URL. */
	public static final String POSTGRES_URL_ENV = "MIGRATIONS_TEST_POSTGRES_URL";

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile Server server;

	private TestDatabases() {
	}

	/**
	 * A new, empty in-memory H2 database that lives until the JVM exits.
	 * @return the database
	 */
	public static TestDatabase h2() {
		return new TestDatabase("h2", "jdbc:h2:mem:test" + counter.incrementAndGet() + "_"
				+ UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	/**
	 * A new, empty PostgreSQL database.
	 * @return the database
	 */
	public static TestDatabase postgres() {
		Server server = server();
		String name = "test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet() + "_"
				+ UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(server.adminUrl, server.user, server.password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + name, ex);
		}
		return new TestDatabase("postgresql", server.urlFor(name), server.user, server.password);
	}

	/**
	 * A new, empty MariaDB database on the server {@link MariaDbServer} names, dropped
	 * when the JVM exits.
	 * @return the database
	 */
	public static TestDatabase mariaDb() {
		return MariaDbServer.get().newDatabase();
	}

	/**
	 * A new empty database of the given kind.
	 * @param kind {@code h2}, {@code postgresql} or {@code mariadb}
	 * @return the database
	 */
	public static TestDatabase of(String kind) {
		return switch (kind) {
			case "postgresql" -> postgres();
			case "mariadb" -> mariaDb();
			default -> h2();
		};
	}

	private static synchronized Server server() {
		if (server == null) {
			String url = System.getenv(POSTGRES_URL_ENV);
			if (url != null && !url.isBlank()) {
				server = new Server(url, envOr("MIGRATIONS_TEST_POSTGRES_USER", "postgres"),
						envOr("MIGRATIONS_TEST_POSTGRES_PASSWORD", ""));
			}
			else {
				server = embedded();
			}
		}
		return server;
	}

	private static Server embedded() {
		try {
			Path data = Files.createTempDirectory("migrations-test-postgres");
			// Durability is not what these tests prove: without fsync, CREATE DATABASE
			// (one per test) and every commit stop waiting for the disk. A server killed
			// by a test still keeps what it committed (the operating system has it).
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopInBackground(data), "test-postgres-stop"));
			return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start embedded PostgreSQL", ex);
		}
	}

	/**
	 * Stop the embedded server without making the JVM wait: a clean stop writes a
	 * checkpoint of the hundreds of databases the tests made, and deleting them takes
	 * seconds more, all while the test JVM cannot exit. An immediate shutdown (what
	 * {@code pg_ctl stop -m immediate} sends) and the deletion run in a process of their
	 * own that outlives the JVM; nothing in the data directory is needed afterwards.
	 * @param data the server's data directory
	 */
	private static void stopInBackground(Path data) {
		String script = "pid=$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null)"
				+ "; if [ -n \"$pid\" ]; then kill -QUIT \"$pid\"; while kill -0 \"$pid\" 2>/dev/null; do sleep 0.1; done; fi"
				+ "; rm -rf \"$1\"";
		try {
			new ProcessBuilder("sh", "-c", script, "test-postgres-stop", data.toString())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			// the JVM is exiting; the operating system's temporary directory keeps the
			// rest
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	private record Server(String adminUrl, String user, String password) {

		String urlFor(String database) {
			// jdbc:postgresql://host:port/db?params -> same server, other database
			String withoutParams = this.adminUrl.contains("?") ? this.adminUrl.substring(0, this.adminUrl.indexOf('?'))
					: this.adminUrl;
			String params = this.adminUrl.contains("?") ? this.adminUrl.substring(this.adminUrl.indexOf('?')) : "";
			return withoutParams.substring(0, withoutParams.lastIndexOf('/') + 1) + database + params;
		}

	}

}
