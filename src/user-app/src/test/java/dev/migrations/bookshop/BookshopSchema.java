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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user checks after the application started: the bookshop's revisions are recorded
 * and its tables exist.
 */
final class BookshopSchema {

	/** The revisions in src/main/resources/db/migrations/. */
	static final List<String> REVISIONS = List.of("001", "002", "003", "004", "005");

	private BookshopSchema() {
	}

	/**
	 * Assert that every revision was applied to the database behind the data source.
	 * @param dataSource the data source
	 */
	static void assertMigrated(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String schema = isPostgres(dataSource) ? "public" : "PUBLIC";
		List<String> tables = jdbc
			.sql("SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = ? "
					+ "AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1")
			.param(schema)
			.query(String.class)
			.list();
		assertThat(tables).contains("authors", "books", "publishers", "review", "databasechangelog");
		List<String> tags = jdbc.sql("SELECT TAG FROM DATABASECHANGELOG WHERE TAG IS NOT NULL ORDER BY ORDEREXECUTED")
			.query(String.class)
			.list();
		assertThat(tags).containsExactlyElementsOf(REVISIONS);
	}

	/**
	 * The database product behind the data source, e.g. {@code H2} or {@code PostgreSQL}.
	 * @param dataSource the data source
	 * @return the product name
	 */
	static String product(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		return product(dataSource).equals("PostgreSQL");
	}

}
