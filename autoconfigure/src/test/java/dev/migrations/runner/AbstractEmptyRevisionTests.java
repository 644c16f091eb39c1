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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain SQL revisions without a statement: only comments, or only a {@code down_revision}
 * header, as a merge revision naturally is. They are recorded as applied, and a downgrade
 * passes them as a no-op. Run on H2 and PostgreSQL.
 */
abstract class AbstractEmptyRevisionTests extends AbstractDatabaseTests {

	@Test
	void revisionWithOnlyCommentsIsRecordedAsApplied() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_placeholder.sql", """
					-- Reserved for the reporting schema; intentionally empty.
					/* nothing to do yet */
					""");
		RunReport report = migrator().migrate();
		assertThat(report.applied()).containsExactly("001", "002");
		assertThat(historyIds()).containsExactly("001", "002");
		assertThat(this.db.history().get(1).get("EXECTYPE")).isEqualTo("EXECUTED");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.current()).isEqualTo("002");
		assertThat(migrator().show("002")).hasValueSatisfying((detail) -> {
			assertThat(detail.sql()).isEmpty();
			assertThat(detail.downgradable()).isTrue();
			assertThat(detail.downgrade()).isEqualTo("nothing to reverse");
		});
	}

	@Test
	void mergeRevisionWithOnlyAHeaderIsAppliedAndDowngradedAsANoOp() {
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("001_create_users.down.sql", "DROP TABLE users;")
			.add("002_create_projects.sql", "-- down_revision: 001\nCREATE TABLE projects (id INTEGER PRIMARY KEY);")
			.add("002_create_projects.down.sql", "DROP TABLE projects;")
			.add("003_create_clients.sql", "-- down_revision: 001\nCREATE TABLE clients (id INTEGER PRIMARY KEY);")
			.add("003_create_clients.down.sql", "DROP TABLE clients;")
			.add("004_merge.sql", "-- down_revision: 002, 003\n");
		assertThat(migrator().migrate().applied()).containsExactly("001", "002", "003", "004");
		assertThat(historyIds()).containsExactly("001", "002", "003", "004");
		assertThat(migrator().status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		RunReport down = migrator(MigrationSettings.defaults().withTarget("001").withAllowDowngrade(true)).migrate();
		assertThat(down.reverted()).containsExactly("004", "003", "002");
		assertThat(historyIds()).containsExactly("001");
		assertThat(this.db.tables()).contains("users").doesNotContain("projects", "clients");
	}

}
