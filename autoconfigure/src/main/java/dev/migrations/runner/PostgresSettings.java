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

package dev.migrations.runner;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.migrations.internal.engine.LockTimeouts;

/**
 * What a migrator does about locks on PostgreSQL ({@code migrations.postgresql.*}): how
 * long a revision waits for a lock and how often it is retried, and which tables the lock
 * check calls large.
 *
 * @param lockTimeout the {@code lock_timeout} of each transactional revision, or
 * {@code null} (or zero) to leave the server's setting
 * @param lockRetries how many times a revision that timed out waiting for a lock is tried
 * again, with growing pauses
 * @param statementTimeout the {@code statement_timeout} of each transactional revision,
 * or {@code null} (or zero) to leave the server's setting
 * @param lockRetryBackoff the pause before the first retry; it doubles for each further
 * retry
 * @param largeTableRows the number of rows from which a table is large: a revision that
 * would hold a lock blocking writes on it fails {@code check --locks}
 * @param refuseBlockingLocks whether a startup run measures the pending revisions' locks
 * first and refuses to apply them when {@code check --locks} would fail
 * @author Migrations for Spring Boot contributors
 */
public record PostgresSettings(@Nullable Duration lockTimeout, int lockRetries, @Nullable Duration statementTimeout,
		Duration lockRetryBackoff, long largeTableRows, boolean refuseBlockingLocks) {

	/** The default number of rows from which a table is large. */
	public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

	/**
	 * Validate the values: a negative number of retries is refused, a timeout that is not
	 * positive leaves the server's setting.
	 */
	public PostgresSettings {
		LockTimeouts timeouts = new LockTimeouts(lockTimeout, lockRetries, statementTimeout, lockRetryBackoff);
		lockTimeout = timeouts.lockTimeout();
		statementTimeout = timeouts.statementTimeout();
	}

	/**
	 * The defaults: a lock timeout of 5 s, 3 retries after a pause of 1 s (then 2 s, 4
	 * s), no statement timeout; tables of 100 000 rows and more are large; locks are not
	 * measured at startup.
	 * @return the settings
	 */
	public static PostgresSettings defaults() {
		LockTimeouts timeouts = LockTimeouts.DEFAULTS;
		return new PostgresSettings(timeouts.lockTimeout(), timeouts.retries(), timeouts.statementTimeout(),
				timeouts.backoff(), DEFAULT_LARGE_TABLE_ROWS, false);
	}

	/**
	 * The lock and statement timeouts and retries, as the engine applies them.
	 * @return the timeouts
	 */
	LockTimeouts timeouts() {
		return new LockTimeouts(this.lockTimeout, this.lockRetries, this.statementTimeout, this.lockRetryBackoff);
	}

}
