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

/**
 * The state of one revision in one database.
 *
 * @author Migrations for Spring Boot contributors
 */
public enum RevisionState {

	/** Executed by a migrator: all its change sets are recorded. */
	APPLIED,

	/** Recorded as applied without running ({@code migrations.stamp}). */
	STAMPED,

	/**
	 * Recorded as already present when an existing database was adopted
	 * ({@code migrations.baseline.revision}).
	 */
	BASELINE,

	/**
	 * Recorded from another tool's history when its database was adopted
	 * ({@code migrations.adopt}): executed by Flyway or Alembic, not by this starter.
	 */
	ADOPTED,

	/** Not recorded yet. */
	PENDING,

	/** Some of its change sets are recorded, not all. */
	PARTIAL,

	/** Recorded in the database, but absent from the application's revisions. */
	UNKNOWN;

	/**
	 * Whether the revision counts as present in the database.
	 * @return {@code true} for applied, stamped, baselined and adopted revisions
	 */
	public boolean isRecorded() {
		return this == APPLIED || this == STAMPED || this == BASELINE || this == ADOPTED;
	}

}
