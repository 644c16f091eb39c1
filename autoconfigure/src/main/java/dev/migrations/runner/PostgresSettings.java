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

import dev.migrations.internal.engine.LockTimeouts;

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
 * @author Migrations for Spring Boot contributors
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
