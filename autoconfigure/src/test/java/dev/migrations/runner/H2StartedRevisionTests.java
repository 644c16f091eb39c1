package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class H2StartedRevisionTests extends AbstractStartedRevisionTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.h2();
	}

}
