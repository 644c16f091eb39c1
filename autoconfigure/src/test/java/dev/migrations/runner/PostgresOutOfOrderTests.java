package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresOutOfOrderTests extends AbstractOutOfOrderTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
