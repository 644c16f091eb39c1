package dev.migrations;

import java.sql.Connection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a {@link JavaRevision} works with: the migration connection, inside the revision's
 * transaction.
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
