package dev.migrations.sample;

import java.util.List;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample app with its {@code postgres} profile, on a fresh PostgreSQL database of its
 * own.
 */
@ActiveProfiles("postgres")
class TimeTrackerApplicationPostgresTests extends AbstractTimeTrackerApplicationTests {

	private static final TestDatabase database = TestDatabases.postgres();

	// The variables that application-postgres.yml reads, so that the profile's own wiring
	// is what connects.
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", database::url);
		registry.add("DATABASE_USER", database::user);
		registry.add("DATABASE_PASSWORD", database::password);
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<String> secondaryIndexes(String table) {
		return this.jdbc.sql("""
				SELECT i.indexname
				FROM pg_indexes i
				JOIN pg_index x ON x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
				WHERE i.schemaname = current_schema AND i.tablename = :table AND NOT x.indisprimary
				""").param("table", table).query(String.class).list();
	}

}
