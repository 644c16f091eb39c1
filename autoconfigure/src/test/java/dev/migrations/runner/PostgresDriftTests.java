package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresDriftTests extends AbstractDriftTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
