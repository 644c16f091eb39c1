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

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one migration run did.
 *
 * @param startedAt when it started
 * @param durationMs how long it took
 * @param from the current revision before the run
 * @param to the current revision after the run
 * @param applied the revisions executed, in order
 * @param reverted the revisions reversed by a downgrade, newest first
 * @param recorded the revisions recorded without running (stamp, baseline)
 * @param backup the backup taken before writing, if any
 * @param outcome how it ended
 * @param error the failure, if it failed
 * @author Migrations for Spring Boot contributors
 */
public record RunReport(Instant startedAt, long durationMs, @Nullable String from, @Nullable String to,
		List<String> applied, List<String> reverted, List<String> recorded, @Nullable String backup, Outcome outcome,
		@Nullable String error) {

	/**
	 * How a run ended.
	 */
	public enum Outcome {

		/** Revisions were applied or recorded. */
		SUCCESS,

		/** The database was already at the target. */
		UP_TO_DATE,

		/** Only checked ({@code mode=validate}). */
		VALIDATED,

		/** The SQL was written to a file; nothing was executed. */
		DRY_RUN,

		/**
		 * The run was refused before anything was written (an invalid request, a database
		 * in a state that must not be migrated, a lock or backup that could not be had).
		 */
		REFUSED,

		/** The run failed after it had started writing. */
		FAILED

	}

}
