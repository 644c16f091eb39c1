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
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;

/**
 * A fresh real database and an empty revision directory for each test; subclasses choose
 * H2 or PostgreSQL.
 */
abstract class AbstractDatabaseTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void createDatabaseAndRevisionDirectory() {
		this.db = newDatabase();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"));
	}

	Migrator migrator() {
		return migrator(MigrationSettings.defaults());
	}

	Migrator migrator(MigrationSettings settings) {
		return migrator(this.revisions, settings);
	}

	Migrator migrator(RevisionDirectory directory, MigrationSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(), RevisionSource.directory(directory.location(), loader), settings,
				loader);
	}

	/**
	 * A second schema's name: on MariaDB a schema is a database of the server, so one of
	 * this test's own.
	 */
	String otherSchema() {
		return this.db.isMariaDb() ? this.db.container() + "_billing" : "billing";
	}

	/**
	 * Drop an index by hand, as the database's dialect writes it.
	 */
	void dropIndex(@Nullable String schema, String index, String table) {
		String prefix = (schema != null) ? schema + "." : "";
		this.db.jdbc()
			.execute(this.db.isMariaDb() ? "DROP INDEX " + index + " ON " + prefix + table
					: "DROP INDEX " + prefix + index);
	}

	List<String> historyIds() {
		return this.db.history().stream().map((row) -> (String) row.get("ID")).toList();
	}

}
