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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.backup.BackupSettings;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresRepairTests extends AbstractRepairTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.postgres();
	}

	@Test
	void repairTakesABackupBeforeItWrites() throws Exception {
		this.revisions.add("002_create_projects.sql", EDITED_PROJECTS);
		Path directory = this.temp.resolve("migration-backups");
		DefaultResourceLoader loader = new DefaultResourceLoader();
		Migrator migrator = new Migrator(this.db.dataSource(),
				RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults().withRepair("002"), loader, new DatabaseBackups(new BackupSettings(true,
						true, directory, 10, "pg_dump", null, this.db.url(), this.db.user(), this.db.password())));
		RunReport report = migrator.migrate();
		assertThat(report.backup()).contains("-002-to-repair_002-");
		assertThat(Files.size(Path.of(report.backup()))).isPositive();
		// Idempotent: nothing to repair, no second backup.
		assertThat(migrator.repair(Target.of("002")).backup()).isNull();
	}

}
