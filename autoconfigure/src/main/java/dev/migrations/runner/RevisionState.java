package dev.migrations.runner;

/**
 * The state of one revision in one database.
 */
public enum RevisionState {

	/** Executed by a migrator: all its change sets are recorded. */
	APPLIED,

	/** Recorded as applied without running ({@code migrations.stamp}). */
	STAMPED,

	/**
	 * Recorded as already present when an existing database was adopted
	 * ({@code migrations.baseline.revision}).
	 */
	BASELINE,

	/**
	 * Recorded from another tool's history when its database was adopted
	 * ({@code migrations.adopt}): executed by Flyway or Alembic, not by this starter.
	 */
	ADOPTED,

	/** Not recorded yet. */
	PENDING,

	/** Some of its change sets are recorded, not all. */
	PARTIAL,

	/** Recorded in the database, but absent from the application's revisions. */
	UNKNOWN;

	/**
	 * Whether the revision counts as present in the database.
	 * @return {@code true} for applied, stamped, baselined and adopted revisions
	 */
	public boolean isRecorded() {
		return this == APPLIED || this == STAMPED || this == BASELINE || this == ADOPTED;
	}

}
