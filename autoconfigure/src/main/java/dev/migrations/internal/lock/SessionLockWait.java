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

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;

/**
 * Waiting for a lock the server keeps for a session (PostgreSQL's advisory lock,
 * MariaDB's {@code GET_LOCK}): try without waiting, say once who holds it, poll until the
 * timeout, then fail naming the holder. The database-specific parts are the attempt, the
 * first wait's message and the timeout's failure.
 *
 * @author Migrations for Spring Boot contributors
 */
final class SessionLockWait {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private SessionLockWait() {
	}

	/**
	 * Take the lock, polling until the timeout.
	 * @param <T> the held lock's type
	 * @param timeout how long to wait for another holder
	 * @param attempt one attempt that does not wait: the held lock, or {@code null}
	 * @param waiting what to do once, when the first attempt fails (say who holds it)
	 * @param timedOut the failure when the timeout has passed, naming the holder
	 * @param failure what a database error while waiting means, and what to do
	 * @return the held lock
	 */
	static <T> T acquire(Duration timeout, Attempt<T> attempt, Step waiting, TimedOut timedOut, Failure failure) {
		Instant deadline = Instant.now().plus(timeout);
		boolean waited = false;
		try {
			while (true) {
				T lock = attempt.tryTake();
				if (lock != null) {
					return lock;
				}
				if (Instant.now().isAfter(deadline)) {
					throw timedOut.failure();
				}
				if (!waited) {
					waiting.run();
					waited = true;
				}
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(failure.description() + ex.getMessage(), failure.action(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock", "Restart the application.",
					ex);
		}
	}

	/**
	 * One attempt to take the lock without waiting.
	 *
	 * @param <T> the held lock's type
	 */
	@FunctionalInterface
	interface Attempt<T> {

		@Nullable T tryTake() throws SQLException;

	}

	/**
	 * A step on the lock's connection.
	 */
	@FunctionalInterface
	interface Step {

		void run() throws SQLException;

	}

	/**
	 * The failure once the timeout has passed.
	 */
	@FunctionalInterface
	interface TimedOut {

		LockTimeoutException failure() throws SQLException;

	}

	/**
	 * What a database error while taking the lock means, and what to do.
	 *
	 * @param description the start of the failure's message, followed by the error's
	 * @param action what to do
	 */
	record Failure(String description, String action) {

	}

}
