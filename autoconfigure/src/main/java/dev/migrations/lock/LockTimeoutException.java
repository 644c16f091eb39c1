package dev.migrations.lock;

import java.time.Duration;

import dev.migrations.MigrationException;

/**
 * The migration lock could not be taken in time.
 */
public class LockTimeoutException extends MigrationException {

	/**
	 * Create a new exception.
	 * @param what the lock, e.g. {@code advisory lock 4242 on jdbc:postgresql://...}
	 * @param timeout how long was waited
	 * @param holder who holds it, as far as the database tells
	 * @param action what to do
	 */
	public LockTimeoutException(String what, Duration timeout, String holder, String action) {
		super("Could not take the migration " + what + " within " + timeout.toSeconds()
				+ " s (migrations.lock.timeout): " + holder + ". Nothing was written to the database.", action);
	}

}
