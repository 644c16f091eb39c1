package dev.migrations.lock;

/**
 * A held migration lock: while it is held, no other migrator works on the same history
 * table.
 */
public interface MigrationLock extends AutoCloseable {

	/**
	 * Release the lock.
	 */
	@Override
	void close();

}
