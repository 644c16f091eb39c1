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

package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A real database of its own for one test: an H2 in-memory or file database, or a fresh
 * PostgreSQL or MariaDB database.
 *
 * @param kind {@code h2}, {@code postgresql} or {@code mariadb}
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 */
public record TestDatabase(String kind, String url, String user, String password) {

	/**
	 * A data source that opens a new connection each time.
	 * @return the data source
	 */
	public DataSource dataSource() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		try {
			dataSource.setDriver(java.sql.DriverManager.getDriver(this.url));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		dataSource.setUrl(this.url);
		dataSource.setUsername(this.user);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	/**
	 * A JDBC template on this database.
	 * @return the template
	 */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource());
	}

	/**
	 * Whether this is PostgreSQL.
	 * @return {@code true} on PostgreSQL
	 */
	public boolean isPostgres() {
		return this.kind.equals("postgresql");
	}

	/**
	 * Whether this is MariaDB.
	 * @return {@code true} on MariaDB
	 */
	public boolean isMariaDb() {
		return this.kind.equals("mariadb");
	}

	/**
	 * The database (MariaDB) or default schema the tests work in, as the database stores
	 * its name.
	 * @return the name
	 */
	public String container() {
		if (isMariaDb()) {
			String path = this.url.substring(this.url.lastIndexOf('/') + 1);
			return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		}
		return isPostgres() ? "public" : "PUBLIC";
	}

	/**
	 * The tables of the default schema (the database on MariaDB), lower case, sorted;
	 * without the migrator's started-revision markers ({@code <history table>_STARTED}).
	 * @return the table names
	 */
	public List<String> tables() {
		return jdbc().queryForList("SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = ? "
				+ "AND table_type IN ('BASE TABLE', 'TABLE') AND lower(table_name) NOT LIKE '%\\_started' "
				+ "ORDER BY 1", String.class, container());
	}

	/**
	 * The history rows, oldest first.
	 * @return the rows as column-name maps (upper case keys)
	 */
	public List<Map<String, Object>> history() {
		return history("DATABASECHANGELOG");
	}

	/**
	 * The rows of a history table, oldest first.
	 * @param table the table
	 * @return the rows
	 */
	public List<Map<String, Object>> history(String table) {
		return jdbc().queryForList("SELECT ID AS \"ID\", AUTHOR AS \"AUTHOR\", FILENAME AS \"FILENAME\", "
				+ "EXECTYPE AS \"EXECTYPE\", MD5SUM AS \"MD5SUM\", TAG AS \"TAG\", COMMENTS AS \"COMMENTS\", "
				+ "DEPLOYMENT_ID AS \"DEPLOYMENT_ID\", ORDEREXECUTED AS \"ORDEREXECUTED\" FROM " + table
				+ " ORDER BY ORDEREXECUTED");
	}

	/**
	 * Open a plain connection.
	 * @return the connection
	 * @throws SQLException on failure
	 */
	public Connection connect() throws SQLException {
		return dataSource().getConnection();
	}

}
