package dev.migrations.command;

/**
 * How a command prints its result.
 */
public enum OutputFormat {

	/** Human-readable lines, one per revision. */
	TEXT,

	/** The endpoint's JSON shapes, for scripts. */
	JSON

}
