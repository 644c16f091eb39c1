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

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * The sample app on an in-memory H2 database of its own.
 */
class TimeTrackerApplicationTests extends AbstractTimeTrackerApplicationTests {

	private static final TestDatabase database = TestDatabases.h2();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<String> secondaryIndexes(String table) {
		return this.jdbc
			.sql("SELECT lower(index_name) FROM information_schema.indexes "
					+ "WHERE lower(table_name) = :table AND table_schema = current_schema "
					+ "AND index_type_name <> 'PRIMARY KEY'")
			.param("table", table)
			.query(String.class)
			.list();
	}

}
