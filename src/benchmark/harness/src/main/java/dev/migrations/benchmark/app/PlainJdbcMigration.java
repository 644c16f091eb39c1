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

package dev.migrations.benchmark.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lower limit for applying revisions: plain JDBC, no framework, the same statements
 * as the tools run, one history {@code INSERT} (a reused prepared statement) per
 * revision, auto-commit. Prints a {@link ResultLine} with two times: its step, everything
 * from reading the files and opening the connection (loading the driver) to the last
 * insert; and in the {@code open_ms} field its <em>window</em>, only the statements and
 * the inserts on the open connection (the strictest lower limit, issue 15).
 * <p>
 * Arguments: JDBC URL, user, password, the directory of revision files
 * ({@code NNNN_slug.sql}, one statement each).
 *
 * @author Migrations for Spring Boot contributors
 */
public final class PlainJdbcMigration {

	private PlainJdbcMigration() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		long started = System.nanoTime();
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of(args[3]))) {
			files = listing.filter((file) -> file.toString().endsWith(".sql")).sorted().toList();
		}
		List<String> statements = new ArrayList<>(files.size());
		for (Path file : files) {
			String sql = Files.readString(file).strip();
			statements.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
		}
		long window;
		try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE plain_history (revision VARCHAR(50) PRIMARY KEY, "
						+ "description VARCHAR(255) NOT NULL, applied_at TIMESTAMP NOT NULL, execution_ms INT NOT NULL)");
			}
			long windowStarted = System.nanoTime();
			try (Statement statement = connection.createStatement();
					PreparedStatement insert = connection.prepareStatement(
							"INSERT INTO plain_history (revision, description, applied_at, execution_ms) VALUES (?, ?, ?, ?)")) {
				for (int i = 0; i < files.size(); i++) {
					long revisionStarted = System.nanoTime();
					statement.execute(statements.get(i));
					String name = files.get(i).getFileName().toString();
					insert.setString(1, name.substring(0, name.indexOf('_')));
					insert.setString(2, name.substring(name.indexOf('_') + 1, name.length() - 4).replace('_', ' '));
					insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
					insert.setInt(4, (int) ((System.nanoTime() - revisionStarted) / 1_000_000));
					insert.executeUpdate();
				}
			}
			window = System.nanoTime() - windowStarted;
		}
		long readyAt = System.currentTimeMillis();
		ResultLine.print(readyAt, System.nanoTime() - started, window, -1);
	}

}
