/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.internal.lock;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes migrators of one JVM that work on the same history table, before they ask
 * the database for its lock: two data sources on one database in one application never
 * race on the database lock (see liquibase#7956).
 *
 * @author Migrations for Spring Boot contributors
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
