package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresEmptyRevisionTests extends AbstractEmptyRevisionTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
