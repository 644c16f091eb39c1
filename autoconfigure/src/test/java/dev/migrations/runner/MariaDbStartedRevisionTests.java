package dev.migrations.runner;

import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

@EnabledIfMariaDb
class MariaDbStartedRevisionTests extends AbstractStartedRevisionTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.mariaDb();
	}

}
