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

package dev.migrations.sample;

import java.util.List;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * The sample app with its {@code postgres} profile, on a fresh PostgreSQL database of its
 * own.
 */
@ActiveProfiles("postgres")
class TimeTrackerApplicationPostgresTests extends AbstractTimeTrackerApplicationTests {

	private static final TestDatabase database = TestDatabases.postgres();

	// The variables that application-postgres.yml reads, so that the profile's own wiring
	// is what connects.
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", database::url);
		registry.add("DATABASE_USER", database::user);
		registry.add("DATABASE_PASSWORD", database::password);
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<String> secondaryIndexes(String table) {
		return this.jdbc.sql("""
				SELECT i.indexname
				FROM pg_indexes i
				JOIN pg_index x ON x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
				WHERE i.schemaname = current_schema AND i.tablename = :table AND NOT x.indisprimary
				""").param("table", table).query(String.class).list();
	}

}
