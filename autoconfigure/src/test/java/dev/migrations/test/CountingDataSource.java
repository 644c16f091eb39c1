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
