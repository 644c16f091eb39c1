package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresPlaceholderTests extends AbstractPlaceholderTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
