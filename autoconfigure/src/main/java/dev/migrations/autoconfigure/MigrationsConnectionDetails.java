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

package dev.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * A connection of its own to migrate through, instead of the application's
 * {@code DataSource}. The auto-configured details are {@code migrations.url},
 * {@code migrations.user} and {@code migrations.password}; a bean of this type replaces
 * them. Whatever is {@code null} comes from the application's connection (its
 * {@code JdbcConnectionDetails}, which Docker Compose and Testcontainers service
 * connections provide, or else its {@code DataSource}).
 *
 * @author Migrations for Spring Boot contributors
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the database to migrate.
	 * @return the URL, or {@code null} for the application's database
	 */
	@Nullable String getJdbcUrl();

	/**
	 * User to migrate as.
	 * @return the user, or {@code null} for the application's user
	 */
	@Nullable String getUsername();

	/**
	 * Password of the user.
	 * @return the password, or {@code null}: the application's password if the user is
	 * the application's too
	 */
	@Nullable String getPassword();

}
