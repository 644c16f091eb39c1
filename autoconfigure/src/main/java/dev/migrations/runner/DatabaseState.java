package dev.migrations.runner;

/**
 * The state of a database relative to the application's revisions and the target.
 */
public enum DatabaseState {

	/** No tables and no history. */
	EMPTY,

	/**
	 * Tables, but no migration history: an existing schema that has not been adopted yet.
	 */
	UNMANAGED,

	/** Revisions up to the target are pending. */
	BEHIND,

	/** At the target. */
	UP_TO_DATE,

	/**
	 * Revisions recorded that the application does not have, or recorded beyond the
	 * target.
	 */
	AHEAD,

	/** A revision is half-applied: some of its change sets are recorded, not all. */
	PARTIAL,

	/** The application's revisions have more than one head. */
	CONFLICT

}
