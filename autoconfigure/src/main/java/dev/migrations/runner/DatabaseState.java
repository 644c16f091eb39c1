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
 * The state of a database relative to the application's revisions and the target.
 *
 * @author Migrations for Spring Boot contributors
 */
public enum DatabaseState {

	/** No tables and no history. */
	EMPTY,

	/**
	 * Tables, but no migration history: an existing schema that has not been adopted yet.
	 */
	UNMANAGED,

	/** Revisions up to the target are pending. */
	BEHIND,

	/** At the target. */
	UP_TO_DATE,

	/**
	 * Revisions recorded that the application does not have, or recorded beyond the
	 * target.
	 */
	AHEAD,

	/** A revision is half-applied: some of its change sets are recorded, not all. */
	PARTIAL,

	/** The application's revisions have more than one head. */
	CONFLICT

}
