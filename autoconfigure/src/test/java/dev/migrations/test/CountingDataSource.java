package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real data source that counts the connections taken from it.
 */
public final class CountingDataSource extends DelegatingDataSource {

	private final AtomicInteger connections = new AtomicInteger();

	/**
	 * Count the connections of a data source.
	 * @param dataSource the data source
	 */
	public CountingDataSource(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	public Connection getConnection() throws SQLException {
		this.connections.incrementAndGet();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		this.connections.incrementAndGet();
		return super.getConnection(username, password);
	}

	/**
	 * How many connections were taken.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
	}

}
