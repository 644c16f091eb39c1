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
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} as a user writes it: the slice substitutes an embedded database for
 * the application's PostgreSQL (configured as in production), and the revisions are
 * applied to that embedded database before the test runs.
 */
@JdbcTest
@ContextConfiguration(initializers = ConfiguredPostgres.class)
class JdbcTestOnEmbeddedDatabaseTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void appliesTheRevisionsToTheEmbeddedDatabaseTheSliceSubstitutes() {
		assertThat(BookshopSchema.product(this.dataSource)).isEqualTo("H2");
		BookshopSchema.assertMigrated(this.dataSource);
		assertThat(this.jdbc.sql("SELECT isbn FROM books WHERE title = 'A Wizard of Earthsea'")
			.query(String.class)
			.single()).isEqualTo("978-0-553-38304-2");
	}

	@Test
	void leavesTheApplicationsConfiguredDatabaseAlone() {
		assertThat(ConfiguredPostgres.DATABASE.tables()).isEmpty();
	}

}
