package dev.migrations.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.backup.BackupSettings;
import dev.migrations.backup.DatabaseBackups;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

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
						true, directory, 10, "pg_dump", this.db.url(), this.db.user(), this.db.password())));
		RunReport report = migrator.migrate();
		assertThat(report.backup()).contains("-002-to-repair_002-");
		assertThat(Files.size(Path.of(report.backup()))).isPositive();
		// Idempotent: nothing to repair, no second backup.
		assertThat(migrator.repair(Target.of("002")).backup()).isNull();
	}

}
