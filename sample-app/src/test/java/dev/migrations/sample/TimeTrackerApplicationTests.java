package dev.migrations.sample;

import java.util.List;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample app on an in-memory H2 database of its own.
 */
class TimeTrackerApplicationTests extends AbstractTimeTrackerApplicationTests {

	private static final TestDatabase database = TestDatabases.h2();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<String> secondaryIndexes(String table) {
		return this.jdbc
			.sql("SELECT lower(index_name) FROM information_schema.indexes "
					+ "WHERE lower(table_name) = :table AND table_schema = current_schema "
					+ "AND index_type_name <> 'PRIMARY KEY'")
			.param("table", table)
			.query(String.class)
			.list();
	}

}
