package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresRevisionIndexStartTests extends AbstractRevisionIndexStartTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
