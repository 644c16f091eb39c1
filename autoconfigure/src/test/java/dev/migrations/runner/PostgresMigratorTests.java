package dev.migrations.runner;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresMigratorTests extends AbstractMigratorTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	@Test
	void failingRevisionLeavesDatabaseExactlyAtPreviousRevision() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_broken.sql", """
					CREATE TABLE audit_log (id INTEGER);
					INSERT INTO users VALUES (1);
					INSERT INTO no_such_table VALUES (1);
					""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("rolled back completely")
			.withMessageContaining("relation \"no_such_table\" does not exist");
		assertThat(this.db.tables()).containsExactlyInAnyOrder("users", "databasechangelog")
			.doesNotContain("audit_log");
		assertThat(this.db.jdbc().queryForObject("SELECT count(*) FROM users", Integer.class)).isZero();
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void keepsDollarQuotedFunctionBodiesWhole() {
		this.revisions.add("001_audit_function.sql", """
				CREATE TABLE audit (id SERIAL PRIMARY KEY, note TEXT);
				CREATE FUNCTION add_audit(text) RETURNS void AS $$
				BEGIN
				    INSERT INTO audit (note) VALUES ($1);
				    INSERT INTO audit (note) VALUES ('second; with semicolon');
				END;
				$$ LANGUAGE plpgsql;
				CREATE FUNCTION shout(t text) RETURNS text AS $body$ SELECT upper(t) || ';' $body$ LANGUAGE sql;
				SELECT add_audit('first');
				""");
		migrator().migrate();
		assertThat(this.db.jdbc().queryForList("SELECT note FROM audit ORDER BY id", String.class))
			.containsExactly("first", "second; with semicolon");
		assertThat(this.db.jdbc().queryForObject("SELECT shout('hi')", String.class)).isEqualTo("HI;");
	}

}
