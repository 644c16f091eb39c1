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

package dev.migrations.actuate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.internal.lock.PostgresAdvisoryLock;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresMigrationsEndpointTests extends AbstractMigrationsEndpointTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	@Override
	String createUserWithPassword(String user, String password) {
		this.db.jdbc().execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
		this.db.jdbc().execute("GRANT ALL ON SCHEMA public TO " + user);
		String url = this.db.url();
		String withoutParameters = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		return withoutParameters + "?user=" + user + "&password=" + password;
	}

	@Override
	AutoCloseable holdMigrationLock() throws SQLException {
		// The session advisory lock, as another instance holds it while it migrates.
		Connection connection = this.db.connect();
		long key = PostgresAdvisoryLock.keyFor(connection.getCatalog(), "public", "DATABASECHANGELOG");
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + key + ")");
		}
		return connection;
	}

}
