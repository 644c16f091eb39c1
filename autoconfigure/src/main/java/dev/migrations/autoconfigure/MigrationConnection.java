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

import java.util.Properties;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrations.MigrationException;

/**
 * Where and as whom a migrator connects, derived once from the configured
 * {@link MigrationsConnectionDetails} and the application's own connection: the migration
 * connection, the status reads and the backups all use it.
 * <ul>
 * <li>URL: the configured one, else the application's.</li>
 * <li>User: the configured one, else the application's.</li>
 * <li>Password: the configured one; else the application's, unless a user of its own is
 * configured (a user of its own brings its own password).</li>
 * </ul>
 * A configured URL or user makes the migrator connect on its own (a non-pooled
 * connection, also for status reads). Otherwise it migrates through the application's
 * {@code DataSource}, except on PostgreSQL, where it opens a non-pooled connection to the
 * same database with the same credentials, so that its session advisory lock lives on a
 * connection nobody else borrows.
 *
 * @param url the JDBC URL of the database, {@code null} if unknown
 * @param user the user
 * @param password the password
 * @param own whether a URL or user of its own is configured
 * @author Migrations for Spring Boot contributors
 */
record MigrationConnection(@Nullable String url, @Nullable String user, @Nullable String password, boolean own) {

	static MigrationConnection resolve(MigrationsConnectionDetails configured, @Nullable Credentials application) {
		String url = (configured.getJdbcUrl() != null) ? configured.getJdbcUrl()
				: (application != null) ? application.url() : null;
		String user = (configured.getUsername() != null) ? configured.getUsername()
				: (application != null) ? application.user() : null;
		String password = (configured.getPassword() != null) ? configured.getPassword()
				: (configured.getUsername() == null && application != null) ? application.password() : null;
		return new MigrationConnection(url, user, password,
				configured.getJdbcUrl() != null || configured.getUsername() != null);
	}

	/**
	 * The data source to migrate through.
	 * @param dataSource the application's data source, or {@code null} if there is none
	 * to borrow from
	 * @param applicationName named in PostgreSQL's {@code pg_stat_activity}
	 * @param setting the property that names the URL, for the message if it is missing
	 * @return the data source
	 */
	DataSource migrationDataSource(@Nullable DataSource dataSource, String applicationName, String setting) {
		if (this.own || dataSource == null || (this.url != null && this.url.startsWith("jdbc:postgresql:"))) {
			if (this.url == null) {
				throw new MigrationException(
						"The URL of the database to migrate is unknown: a user of its own is configured for migrating, "
								+ "but the application's DataSource does not tell its URL. Nothing was written.",
						"Set " + setting + " to the database's JDBC URL.");
			}
			return unpooled(applicationName);
		}
		return dataSource;
	}

	/**
	 * The data source the status is read through: the application's pool, unless the
	 * migrator connects on its own.
	 * @param dataSource the application's data source, or {@code null}
	 * @param migrationDataSource the data source to migrate through
	 * @return the data source
	 */
	DataSource readDataSource(@Nullable DataSource dataSource, DataSource migrationDataSource) {
		return (this.own || dataSource == null) ? migrationDataSource : dataSource;
	}

	private DataSource unpooled(String applicationName) {
		SimpleDriverDataSource unpooled = DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(this.url)
			.username(this.user)
			.password(this.password)
			.build();
		if (this.url.startsWith("jdbc:postgresql:")) {
			// Names the migrator in pg_stat_activity, and so in a lock timeout's message;
			// the URL's own
			// ApplicationName, if any, wins.
			Properties connectionProperties = new Properties();
			connectionProperties.setProperty("ApplicationName", applicationName + " migrations");
			unpooled.setConnectionProperties(connectionProperties);
		}
		return unpooled;
	}

	@Override
	public String toString() {
		return "MigrationConnection[url=" + this.url + ", user=" + this.user + ", own=" + this.own + "]";
	}

	/**
	 * The application's own connection to a database.
	 *
	 * @param url the JDBC URL, or {@code null} if unknown
	 * @param user the user
	 * @param password the password
	 */
	record Credentials(@Nullable String url, @Nullable String user, @Nullable String password) {

		static Credentials of(JdbcConnectionDetails details) {
			return new Credentials(details.getJdbcUrl(), details.getUsername(), details.getPassword());
		}

		/**
		 * What a data source tells about its connection, for the pools Spring Boot knows.
		 * @param dataSource the data source
		 * @return the credentials, or {@code null} if the data source does not tell them
		 */
		static @Nullable Credentials of(DataSource dataSource) {
			try {
				SimpleDriverDataSource derived = DataSourceBuilder.derivedFrom(dataSource)
					.type(SimpleDriverDataSource.class)
					.build();
				return new Credentials(derived.getUrl(), derived.getUsername(), derived.getPassword());
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		@Override
		public String toString() {
			return "Credentials[url=" + this.url + ", user=" + this.user + "]";
		}

	}

}
