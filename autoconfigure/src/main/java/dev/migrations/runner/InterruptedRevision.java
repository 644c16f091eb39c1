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

import org.jspecify.annotations.Nullable;

/**
 * A revision an earlier run started and never finished, on a database whose DDL commits
 * at once (MariaDB, MySQL, H2): its started-revision marker is still there, so part of it
 * may be applied while its history rows were never written. Every run that would write
 * refuses until one of the ways out is taken.
 *
 * @param revision the revision id
 * @param direction whether it was being applied or reversed
 * @param file the revision file
 * @param startedAt when it started, or {@code null} if the marker does not say
 * @param startedBy the host and process that ran it, or {@code null}
 * @param statementsStarted how many of its statements had started, as far as the database
 * kept it: those before the last one completed, the last one may or may not have
 * @param lastStatement the start of the last statement that started, or {@code null}
 * @param description what happened and what may be left, as the refusal says it
 * @param action the ways out, as the refusal says them
 * @author Migrations for Spring Boot contributors
 */
public record InterruptedRevision(String revision, Direction direction, String file, @Nullable Instant startedAt,
		@Nullable String startedBy, int statementsStarted, @Nullable String lastStatement, String description,
		String action) {

	/**
	 * Which way the revision was going.
	 */
	public enum Direction {

		/** Being applied (an upgrade): its history rows were never written. */
		UPGRADE,

		/**
		 * Being reversed (a downgrade): its history rows still record it as applied.
		 */
		DOWNGRADE

	}

}
