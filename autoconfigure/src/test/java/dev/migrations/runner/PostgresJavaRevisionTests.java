/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.runner;

import org.junit.jupiter.api.Test;

import dev.migrations.JavaRevision;
import dev.migrations.JavaRevisionContext;
import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

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
