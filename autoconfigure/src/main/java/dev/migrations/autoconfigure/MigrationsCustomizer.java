package dev.migrations.autoconfigure;

import dev.migrations.runner.MigrationSettings;

/**
 * Adjusts, in code, the settings of an auto-configured migrator after they were read from
 * the properties. Beans of this type are applied in their {@code @Order}, to the migrator
 * of each database.
 */
@FunctionalInterface
public interface MigrationsCustomizer {

	/**
	 * Adjust a migrator's settings.
	 * @param name the database's name: {@code migrator} for the single database, else the
	 * instance name of {@code migrations.instances.<name>}
	 * @param settings the settings so far
	 * @return the settings to use; {@code settings} itself to leave them as they are
	 */
	MigrationSettings customize(String name, MigrationSettings settings);

}
