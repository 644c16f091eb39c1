package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresExistingDatabaseTests extends AbstractExistingDatabaseTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
