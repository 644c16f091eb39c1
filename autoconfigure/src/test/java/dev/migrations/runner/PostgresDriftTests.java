package dev.migrations.runner;

import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresDriftTests extends AbstractDriftTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	private int scratchDatabases() {
		return this.db.jdbc()
			.queryForObject("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrations_scratch_%'",
					Integer.class);
	}

	@Test
	void buildsTheExpectedSchemaInATemporaryDatabaseThatIsDroppedAfter() {
		migrator().migrate();
		int before = scratchDatabases();
		this.db.jdbc().execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(40)");
		assertThat(migrator().drift(List.of()).differences()).hasSize(1);
		assertThat(scratchDatabases()).isEqualTo(before);
	}

	@Test
	void saysWhatToDoWhenTheUserMayNotCreateADatabase() {
		migrator().migrate();
		this.db.jdbc().execute("CREATE ROLE drift_reader LOGIN PASSWORD 'Reader-Secret-1' NOCREATEDB");
		this.db.jdbc().execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO drift_reader");
		TestDatabase reader = new TestDatabase("postgresql", this.db.url().replaceAll("\\?.*$", ""), "drift_reader",
				"Reader-Secret-1");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(reader.dataSource(),
				RevisionSource.directory(this.revisions.location(), loader), MigrationSettings.defaults(), loader);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::drift)
			.withMessageContaining("The database user 'drift_reader' may not create a database")
			.withMessageContaining("temporary database on the same server")
			.withMessageNotContaining("Reader-Secret-1")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("ALTER ROLE drift_reader CREATEDB"));
	}

}
