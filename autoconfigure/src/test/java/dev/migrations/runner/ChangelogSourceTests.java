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

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing Liquibase master changelog as the source of revisions: its tags are the
 * revisions.
 */
class ChangelogSourceTests {

	private static final String CHANGELOG = "classpath:db/changelog/master.yaml";

	private final DefaultResourceLoader loader = new DefaultResourceLoader();

	private Migrator migrator(TestDatabase db) {
		return new Migrator(db.dataSource(), RevisionSource.changelog(CHANGELOG, this.loader),
				MigrationSettings.defaults(), this.loader);
	}

	@Test
	void tagsOfTheChangelogAreTheRevisions() {
		TestDatabase db = TestDatabases.h2();
		RunReport report = migrator(db).migrate();
		assertThat(report.applied()).containsExactly("v1.0", "v1.1");
		assertThat(db.tables()).contains("customers", "orders");
		MigrationStatus status = migrator(db).status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.current()).isEqualTo("v1.1");
	}

	@Test
	void aDatabaseMigratedBySpringBootsLiquibaseIntegrationIsRecognised() throws Exception {
		TestDatabase db = TestDatabases.h2();
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(db.dataSource());
		liquibase.setChangeLog(CHANGELOG);
		liquibase.setResourceLoader(this.loader);
		liquibase.afterPropertiesSet();
		var history = db.history();
		MigrationStatus status = migrator(db).status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.history()).extracting(RevisionStatus::revision).containsExactly("v1.0", "v1.1");
		assertThat(migrator(db).migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(db.history()).isEqualTo(history);
	}

}
