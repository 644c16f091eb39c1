package dev.migrations.runner;

import dev.migrations.JavaRevision;
import dev.migrations.JavaRevisionContext;
import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresJavaRevisionTests extends AbstractJavaRevisionTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	@Test
	void failingJavaRevisionRollsBackItsDdlAndRowsWithItsHistoryRow() {
		this.code.add(new JavaRevision() {

			@Override
			public String id() {
				return "002";
			}

			@Override
			public void upgrade(JavaRevisionContext context) {
				context.jdbcClient().sql("ALTER TABLE people ADD COLUMN email VARCHAR(100)").update();
				context.jdbcClient().sql("UPDATE people SET email = 'ada@example.com' WHERE id = 1").update();
				context.jdbcClient().sql("INSERT INTO no_such_table VALUES (1)").update();
			}

		});
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("rolled back completely")
			.withMessageContaining("no_such_table");
		assertThat(this.db.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'people'",
					String.class))
			.containsExactlyInAnyOrder("id", "full_name");
		assertThat(historyIds()).containsExactly("001");
	}

}
