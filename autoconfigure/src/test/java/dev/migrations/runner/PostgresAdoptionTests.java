package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresAdoptionTests extends AbstractAdoptionTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
