package dev.migrations.lock;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes migrators of one JVM that work on the same history table, before they ask
 * the database for its lock: two data sources on one database in one application never
 * race on the database lock (see liquibase#7956).
 */
public final class JvmMigrationLocks {

	private static final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	private JvmMigrationLocks() {
	}

	/**
	 * Take the in-JVM lock for a key.
	 * @param key the database and history table
	 * @param timeout how long to wait
	 * @return the held lock
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static MigrationLock acquire(String key, Duration timeout) throws InterruptedException {
		ReentrantLock lock = locks.computeIfAbsent(key, (k) -> new ReentrantLock());
		if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new LockTimeoutException("lock for " + key, timeout,
					"another migrator in this JVM is still working on the same database",
					"Wait for the other migrator to finish, or raise migrations.lock.timeout.");
		}
		return lock::unlock;
	}

}
