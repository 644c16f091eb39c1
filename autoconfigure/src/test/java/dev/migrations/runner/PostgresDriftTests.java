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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresDriftTests extends AbstractDriftTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	private int scratchDatabases() {
		return this.db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrations_scratch_%'",
					Integer.class);
	}

	@Test
	void buildsTheExpectedSchemaInATemporaryDatabaseThatIsDroppedAfter() {
		migrator().migrate();
		int before = scratchDatabases();
		this.db.jdbc().execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(40)");
		assertThat(migrator().drift(List.of()).differences()).hasSize(1);
		assertThat(scratchDatabases()).isEqualTo(before);
	}

	@Test
	void saysWhatToDoWhenTheUserMayNotCreateADatabase() {
		migrator().migrate();
		this.db.jdbc().execute("CREATE ROLE drift_reader LOGIN PASSWORD 'Reader-Secret-1' NOCREATEDB");
		this.db.jdbc().execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO drift_reader");
		TestDatabase reader = new TestDatabase("postgresql", this.db.url().replaceAll("\\?.*$", ""), "drift_reader",
				"Reader-Secret-1");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(reader.dataSource(),
				RevisionSource.directory(this.revisions.location(), loader), MigrationSettings.defaults(), loader);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::drift)
			.withMessageContaining("The database user 'drift_reader' may not create a database")
			.withMessageContaining("temporary database on the same server")
			.withMessageNotContaining("Reader-Secret-1")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("ALTER ROLE drift_reader CREATEDB"));
	}

}
