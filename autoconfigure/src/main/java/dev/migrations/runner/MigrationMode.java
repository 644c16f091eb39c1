package dev.migrations.runner;

/**
 * What the migrator does at startup.
 */
public enum MigrationMode {

	/** Apply pending revisions up to the target. */
	UPGRADE,

	/**
	 * Write nothing; fail unless the database is at the target with matching checksums.
	 */
	VALIDATE,

	/** Do nothing at startup; the endpoint still reports. */
	NONE

}
