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

import dev.migrations.MigrationException;

/**
 * The migration lock could not be taken in time.
 *
 * @author Migrations for Spring Boot contributors
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
