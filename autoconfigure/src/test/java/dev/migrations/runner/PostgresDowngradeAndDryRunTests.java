package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresDowngradeAndDryRunTests extends AbstractDowngradeAndDryRunTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
