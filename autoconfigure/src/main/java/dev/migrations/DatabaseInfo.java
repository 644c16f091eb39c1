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

import java.util.regex.Pattern;

/**
 * The database a migrator works on, as shown to users: never with credentials.
 *
 * @param product the product name, e.g. {@code PostgreSQL}
 * @param version the product version
 * @param url the JDBC URL without user or password
 * @param container the database (MariaDB, MySQL) or schema the migrator works in
 * @author Migrations for Spring Boot contributors
 */
public record DatabaseInfo(String product, String version, String url, Container container) {

	private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@?;]*@");

	private static final Pattern SECRET_PARAMETERS = Pattern.compile(
			"(?i)([?&;:](?:user|username|password|pwd|sslpassword|sslkey|sslcert|access_token|token|secret)\\s*=)[^&;]*");

	/**
	 * Remove credentials from a JDBC URL: {@code //user:pw@host}, and {@code user=},
	 * {@code password=} and similar parameters in either {@code ?a=b&c=d} or {@code ;a=b}
	 * form.
	 * @param url the URL
	 * @return the URL without credentials
	 */
	public static String sanitize(String url) {
		if (url == null) {
			return "";
		}
		String result = URL_USER_INFO.matcher(url).replaceFirst("//");
		return SECRET_PARAMETERS.matcher(result).replaceAll("$1***");
	}

	/**
	 * Whether this is PostgreSQL.
	 * @return {@code true} on PostgreSQL
	 */
	public boolean isPostgres() {
		return isPostgres(this.product);
	}

	static boolean isPostgres(String product) {
		return product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
	}

	/**
	 * Whether this is H2.
	 * @return {@code true} on H2
	 */
	public boolean isH2() {
		return this.product.equalsIgnoreCase("H2");
	}

	/**
	 * Whether this is MariaDB or MySQL, where the container is a database and DDL commits
	 * at once.
	 * @return {@code true} on MariaDB or MySQL
	 */
	public boolean isMariaDbOrMySql() {
		return this.container.kind() == Container.Kind.DATABASE;
	}

}
