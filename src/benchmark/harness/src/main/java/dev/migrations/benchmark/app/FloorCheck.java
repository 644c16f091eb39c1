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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

/**
 * The least work a safe no-op check can do, written by hand without Spring or the
 * starter: the floor the starter's own cost is compared with in the paired cell. It reads
 * the revision index the build wrote, checks every indexed file against the jar's central
 * directory (size and CRC-32, nothing read), reads the history's rows and compares their
 * checksums with the index's — the same proof the starter's no-op path gives, on the
 * connection the starter would use (on PostgreSQL one of its own, on H2 one from the
 * application's pool).
 * <p>
 * System property {@value #PROPERTY}: run it once the context is ready, before the
 * application's own query.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class FloorCheck {

	/** The system property that runs the check. */
	public static final String PROPERTY = "benchmark.floor-check";

	private static final String INDEX = "db/migrations/.revisions.index";

	private FloorCheck() {
	}

	/**
	 * Run the check.
	 * @param pool the application's data source
	 * @param url its JDBC URL
	 * @param user its user
	 * @param password its password
	 * @throws IllegalStateException if the database is not exactly at the index's
	 * revisions
	 */
	static void run(DataSource pool, String url, String user, String password) throws IOException, SQLException {
		URL index = FloorCheck.class.getClassLoader().getResource(INDEX);
		if (index == null || !"jar".equals(index.getProtocol())) {
			throw new IllegalStateException("No revision index in a jar on the class path: " + index);
		}
		Map<String, String> expected = new HashMap<>();
		JarURLConnection connection = (JarURLConnection) index.openConnection();
		connection.setUseCaches(false);
		try (JarFile jar = connection.getJarFile();
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(jar.getInputStream(jar.getEntry(INDEX)), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				// name, size, CRC-32, SHA-256, revision, history checksum
				String[] fields = line.split("\t");
				ZipEntry file = jar.getEntry("db/migrations/" + fields[0]);
				if (file == null || file.getSize() != Long.parseLong(fields[1])
						|| file.getCrc() != Long.parseLong(fields[2], 16)) {
					throw new IllegalStateException("The index does not describe " + fields[0]);
				}
				// Keyed as the starter's history rows of plain SQL revisions are:
				// FILENAME::ID::AUTHOR.
				expected.put("migrations/" + fields[4] + "::" + fields[4] + "::migrations", fields[5]);
			}
		}
		boolean own = url.startsWith("jdbc:postgresql:");
		try (Connection database = own ? DriverManager.getConnection(url, user, password) : pool.getConnection();
				Statement statement = database.createStatement();
				ResultSet rows = statement.executeQuery("SELECT FILENAME, ID, AUTHOR, MD5SUM FROM DATABASECHANGELOG")) {
			int matched = 0;
			while (rows.next()) {
				String key = rows.getString(1) + "::" + rows.getString(2) + "::" + rows.getString(3);
				if (!rows.getString(4).equals(expected.get(key))) {
					throw new IllegalStateException("The history does not match the index at " + rows.getString(2));
				}
				matched++;
			}
			if (matched != expected.size()) {
				throw new IllegalStateException(
						"The history records " + matched + " revisions, the index " + expected.size());
			}
		}
	}

}
