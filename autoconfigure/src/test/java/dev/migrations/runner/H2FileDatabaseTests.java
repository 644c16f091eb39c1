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

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 file database, as the sample application and many development setups use: H2
 * writes every statement that fails into a {@code .trace.db} file beside the database, so
 * a start must not run statements that are expected to fail (reading a history table that
 * may not exist, for instance).
 */
class H2FileDatabaseTests {

	@Test
	void aFirstStartANoOpStartAndAStatusReadLeaveNoTraceFile(@TempDir Path directory) {
		RevisionDirectory revisions = RevisionDirectory.in(directory.resolve("revisions"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_create_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);");
		Path database = directory.resolve("data");
		DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:file:" + database.resolve("app"), "sa", "");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(dataSource, RevisionSource.directory(revisions.location(), loader),
				MigrationSettings.defaults(), loader);

		assertThat(migrator.migrate().outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		assertThat(migrator.migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);

		assertThat(database.resolve("app.mv.db")).exists();
		assertThat(database).isDirectoryNotContaining("glob:**.trace.db");
	}

}
