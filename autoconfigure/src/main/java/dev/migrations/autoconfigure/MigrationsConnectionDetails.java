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
