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

package dev.migrations.actuate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.LockReport;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Target;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/migrations/locks} reports what the pending revisions would lock,
 * measured as {@code check --locks} does.
 */
class PostgresLocksEndpointTests {

	@TempDir
	Path temp;

	@Test
	void locksSelectorReportsThePendingRevisionsLocks() {
		TestDatabase db = TestDatabases.postgres();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(db.dataSource(), RevisionSource.directory(revisions.location(), loader),
				MigrationSettings.defaults(), loader);
		migrator.upgrade(Target.HEAD);
		revisions.add("002_index_names.sql", "CREATE INDEX accounts_name ON accounts (name);");
		Object response = new MigrationsEndpoint(new Migrator(db.dataSource(),
				RevisionSource.directory(revisions.location(), loader), MigrationSettings.defaults(), loader))
			.revision(MigrationsEndpoint.LOCKS);
		assertThat(response).isInstanceOf(LockReport.class);
		LockReport report = (LockReport) response;
		assertThat(report.revisions()).singleElement().satisfies((revision) -> {
			assertThat(revision.revision()).isEqualTo("002");
			assertThat(revision.locks()).singleElement().satisfies((lock) -> {
				assertThat(lock.table()).isEqualTo("public.accounts");
				assertThat(lock.mode()).isEqualTo("SHARE");
				assertThat(lock.scan()).isTrue();
				assertThat(lock.blocking()).isFalse();
			});
		});
	}

	@Test
	void locksSelectorOnH2SaysWhyItCannotMeasure() {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"))
			.add("001_create_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Object response = new MigrationsEndpoint(new Migrator(db.dataSource(),
				RevisionSource.directory(revisions.location(), loader), MigrationSettings.defaults(), loader))
			.revision(MigrationsEndpoint.LOCKS);
		assertThat(response).isInstanceOfSatisfying(WebEndpointResponse.class,
				(error) -> assertThat(error.getStatus()).isEqualTo(500));
	}

}
