package dev.migrations.runner;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class H2MigratorTests extends AbstractMigratorTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.h2();
	}

	@Test
	void failingRevisionOnH2SaysWhichStatementsMayRemain() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_broken.sql", """
					CREATE TABLE audit_log (id INTEGER);
					INSERT INTO no_such_table VALUES (1);
					""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("commits DDL immediately");
		// H2 committed the CREATE TABLE; the history still says 001.
		assertThat(this.db.tables()).contains("audit_log");
	}

}
