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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} on an empty PostgreSQL database with {@code ddl-auto=validate}:
 * the revisions build the schema before Hibernate validates it.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJpaTestOnPostgresTests {

	static final TestDatabase database = TestDatabases.postgres();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Autowired
	BookRepository books;

	@Test
	void findsTheBookTheRevisionsInserted() {
		BookshopSchema.assertMigrated(database.dataSource());
		assertThat(this.books.findByAuthorName("Ursula K. Le Guin")).extracting(Book::getTitle)
			.containsExactly("A Wizard of Earthsea");
	}

}
