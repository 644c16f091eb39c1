package dev.migrations.runner;

/**
 * Told about every run of a {@link Migrator}, successful or not: the startup run, and
 * upgrades, downgrades, stamps and validations requested later. Health and metrics use it
 * to keep up with runs they did not start.
 */
@FunctionalInterface
public interface MigrationListener {

	/**
	 * Called after a run, on the thread that ran it. An exception thrown here is logged
	 * and otherwise ignored.
	 * @param migrator the migrator that ran
	 * @param report what the run did
	 */
	void onRun(Migrator migrator, RunReport report);

}
