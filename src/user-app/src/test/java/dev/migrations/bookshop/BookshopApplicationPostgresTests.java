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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookshop started whole on an empty PostgreSQL database with
 * {@code ddl-auto=validate}: the revisions build the schema before the entity manager
 * factory validates it.
 */
@SpringBootTest
class BookshopApplicationPostgresTests {

	static final TestDatabase database = TestDatabases.postgres();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Autowired
	BookRepository books;

	@Autowired
	ReviewRepository reviews;

	@Test
	void startsWithValidatedEntitiesOnTheSchemaTheRevisionsBuilt() {
		BookshopSchema.assertMigrated(database.dataSource());
		assertThat(database.history()).extracting((row) -> row.get("EXECTYPE")).containsOnly("EXECUTED");
		Book book = this.books.findByAuthorName("Ursula K. Le Guin").get(0);
		this.reviews.save(new Review(null, book.getId(), 3, "Slow start."));
		assertThat(this.reviews.findByBookId(book.getId())).extracting(Review::comment).containsExactly("Slow start.");
	}

}
