package dev.migrations.actuate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.lock.PostgresAdvisoryLock;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresMigrationsEndpointTests extends AbstractMigrationsEndpointTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	@Override
	String createUserWithPassword(String user, String password) {
		this.db.jdbc().execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
		this.db.jdbc().execute("GRANT ALL ON SCHEMA public TO " + user);
		String url = this.db.url();
		String withoutParameters = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		return withoutParameters + "?user=" + user + "&password=" + password;
	}

	@Override
	AutoCloseable holdMigrationLock() throws SQLException {
		// The session advisory lock, as another instance holds it while it migrates.
		Connection connection = this.db.connect();
		long key = PostgresAdvisoryLock.keyFor(connection.getCatalog(), "public", "DATABASECHANGELOG");
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + key + ")");
		}
		return connection;
	}

}
