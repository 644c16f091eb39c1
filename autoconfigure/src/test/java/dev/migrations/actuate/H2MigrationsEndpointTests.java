package dev.migrations.actuate;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class H2MigrationsEndpointTests extends AbstractMigrationsEndpointTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.h2();
	}

	@Override
	String createUserWithPassword(String user, String password) {
		this.db.jdbc().execute("CREATE USER " + user + " PASSWORD '" + password + "' ADMIN");
		return this.db.url() + ";USER=" + user + ";PASSWORD=" + password;
	}

	@Override
	AutoCloseable holdMigrationLock() {
		// Liquibase's table lock, as another instance holds it while it migrates.
		this.db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
					+ "LOCKEDBY = 'another instance' WHERE ID = 1");
		return () -> this.db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL "
					+ "WHERE ID = 1");
	}

}
