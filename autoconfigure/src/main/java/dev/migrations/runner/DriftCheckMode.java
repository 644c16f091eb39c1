package dev.migrations.runner;

/**
 * Whether the schema is checked for drift at startup
 * ({@code migrations.drift.on-startup}), and what drift does.
 */
public enum DriftCheckMode {

	/** No check at startup: no scratch database, no extra work. */
	OFF,

	/** Check after migrating; drift is logged as a warning and the application starts. */
	WARN,

	/** Check after migrating; drift fails the start with the list of differences. */
	FAIL

}
