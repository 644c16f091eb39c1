package dev.migrations.runner;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class PostgresBaselineGenerationTests extends AbstractBaselineGenerationTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

}
