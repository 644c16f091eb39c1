package dev.migrations.autoconfigure;

import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RevisionSource;
import dev.migrations.test.TestDatabase;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Migrators built by hand, as an application that defines its own would.
 */
final class TestMigrators {

	private TestMigrators() {
	}

	static Migrator migrator(TestDatabase db, String location) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(db.dataSource(), RevisionSource.directory(location, loader), MigrationSettings.defaults(),
				loader);
	}

}
