package dev.migrations.runner;

import dev.migrations.engine.LockTimeouts;

/**
 * What a migrator does about locks on PostgreSQL ({@code migrations.postgresql.*}): how
 * long a revision waits for a lock and how often it is retried, and which tables the lock
 * check calls large.
 *
 * @param timeouts the lock and statement timeouts of each transactional revision, and its
 * retries
 * @param largeTableRows the number of rows from which a table is large: a revision that
 * would hold a lock blocking writes on it fails {@code check --locks}
 * @param refuseBlockingLocks whether a startup run measures the pending revisions' locks
 * first and refuses to apply them when {@code check --locks} would fail
 */
public record PostgresSettings(LockTimeouts timeouts, long largeTableRows, boolean refuseBlockingLocks) {

	/**
	 * Settings that do not measure locks at startup.
	 * @param timeouts the lock and statement timeouts, and retries
	 * @param largeTableRows the number of rows from which a table is large
	 */
	public PostgresSettings(LockTimeouts timeouts, long largeTableRows) {
		this(timeouts, largeTableRows, false);
	}

	/** The default number of rows from which a table is large. */
	public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

	/**
	 * The defaults: {@link LockTimeouts#DEFAULTS}, tables of 100 000 rows and more are
	 * large.
	 * @return the settings
	 */
	public static PostgresSettings defaults() {
		return new PostgresSettings(LockTimeouts.DEFAULTS, DEFAULT_LARGE_TABLE_ROWS);
	}

}
