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
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJdbcTest} as a user writes it: the repository works on the embedded
 * database the slice substitutes, because the revisions created its tables first.
 */
@DataJdbcTest
@ContextConfiguration(initializers = ConfiguredPostgres.class)
class DataJdbcTestOnEmbeddedDatabaseTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ReviewRepository reviews;

	@Test
	void savesAndFindsReviewsInTheTableTheRevisionsCreated() {
		assertThat(BookshopSchema.product(this.dataSource)).isEqualTo("H2");
		BookshopSchema.assertMigrated(this.dataSource);
		long bookId = JdbcClient.create(this.dataSource).sql("SELECT id FROM books").query(Long.class).single();
		Review saved = this.reviews.save(new Review(null, bookId, 5, "A classic."));
		assertThat(saved.id()).isNotNull();
		assertThat(this.reviews.findByBookId(bookId)).extracting(Review::comment).containsExactly("A classic.");
		assertThat(ConfiguredPostgres.DATABASE.tables()).isEmpty();
	}

}
