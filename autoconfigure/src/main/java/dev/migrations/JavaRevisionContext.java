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

package dev.migrations;

import java.sql.Connection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a {@link JavaRevision} works with: the migration connection, inside the revision's
 * transaction.
 *
 * @author Migrations for Spring Boot contributors
 */
public interface JavaRevisionContext {

	/**
	 * The migration connection. Do not close or commit it, nor change its auto-commit.
	 * @return the connection
	 */
	Connection connection();

	/**
	 * A {@code JdbcClient} on the migration connection.
	 * @return the client
	 */
	JdbcClient jdbcClient();

	/**
	 * The database product, as its JDBC driver names it: {@code PostgreSQL}, {@code H2}.
	 * @return the product name
	 */
	String databaseProduct();

}
