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
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} as a user writes it, with the application's
 * {@code spring.jpa.hibernate.ddl-auto=validate}: Hibernate validates the entities
 * against the embedded database the slice substitutes, after the revisions built its
 * schema.
 */
@DataJpaTest
@ContextConfiguration(initializers = ConfiguredPostgres.class)
class DataJpaTestOnEmbeddedDatabaseTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	BookRepository books;

	@Autowired
	TestEntityManager entityManager;

	@Test
	void findsTheBookTheRevisionsInserted() {
		assertThat(BookshopSchema.product(this.dataSource)).isEqualTo("H2");
		BookshopSchema.assertMigrated(this.dataSource);
		assertThat(this.books.findByAuthorName("Ursula K. Le Guin")).singleElement()
			.satisfies((book) -> assertThat(book.getIsbn()).isEqualTo("978-0-553-38304-2"));
		assertThat(ConfiguredPostgres.DATABASE.tables()).isEmpty();
	}

	@Test
	void persistsEntitiesInTheTablesTheRevisionsCreated() {
		Author author = this.entityManager.persist(new Author("Italo Calvino"));
		this.books.saveAndFlush(new Book("Invisible Cities", null, null, author));
		assertThat(this.books.findByAuthorName("Italo Calvino")).extracting(Book::getTitle)
			.containsExactly("Invisible Cities");
	}

}
