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

package dev.migrations.bookshop;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} on the application's real PostgreSQL database
 * ({@code replace = NONE}): the revisions are applied to it before the test runs.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcTestOnPostgresTests {

	static final TestDatabase database = TestDatabases.postgres();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void appliesTheRevisionsToPostgresBeforeTheTest() {
		assertThat(BookshopSchema.product(this.dataSource)).isEqualTo("PostgreSQL");
		BookshopSchema.assertMigrated(database.dataSource());
		assertThat(database.history()).extracting((row) -> row.get("EXECTYPE")).containsOnly("EXECUTED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM books").query(Integer.class).single()).isEqualTo(1);
	}

}
