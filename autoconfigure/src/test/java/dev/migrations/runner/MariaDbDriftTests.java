package dev.migrations.runner;

import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

@EnabledIfMariaDb
class MariaDbDriftTests extends AbstractDriftTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.mariaDb();
	}

}
