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

package dev.migrations.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A migration connection that cannot be opened: the failure names the database without
 * credentials, and the cause in plain words.
 */
class PostgresConnectionFailureTests {

	@TempDir
	java.nio.file.Path temp;

	private Migrator migrator(String url, String user, String password) {
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);");
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, user,
				password);
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(dataSource, RevisionSource.directory(revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

	@Test
	void unknownHostIsNamedWithTheUrl() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator("jdbc:postgresql://no-such-host.invalid:5432/app?password=s3cret-pw", "app",
					"s3cret-pw")
				.migrate())
			.withMessageContaining("Cannot connect to the database jdbc:postgresql://no-such-host.invalid:5432/app")
			.withMessageContaining("unknown host no-such-host.invalid")
			.withMessageNotContaining("s3cret-pw");
	}

	@Test
	void refusedPortIsNamedWithTheUrl() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator("jdbc:postgresql://127.0.0.1:1/app", "app", "s3cret-pw").migrate())
			.withMessageContaining("Cannot connect to the database jdbc:postgresql://127.0.0.1:1/app")
			.withMessageContaining("connection refused")
			.withMessageNotContaining("s3cret-pw");
	}

	@Test
	void missingDatabaseIsNamed() {
		TestDatabase db = TestDatabases.postgres();
		String url = db.url().replaceFirst("/test_[a-z0-9_]+", "/no_such_database");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator(url, db.user(), db.password()).migrate())
			.withMessageContaining("the database does not exist")
			.withMessageContaining("no_such_database");
	}

}
