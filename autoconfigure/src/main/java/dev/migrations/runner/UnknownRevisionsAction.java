package dev.migrations.runner;

/**
 * What to do when the database records revisions the application does not have.
 */
public enum UnknownRevisionsAction {

	/**
	 * Log a warning and start: an older version of the application during a rolling
	 * deploy.
	 */
	WARN,

	/** Fail the start. */
	FAIL

}
