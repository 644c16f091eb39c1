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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseInfo;

/**
 * Where a database stands: its state, current revision, what is pending for the target,
 * and its history.
 *
 * @param database the database, without credentials
 * @param state the database state
 * @param current the newest revision recorded, or {@code null}
 * @param heads the application's head revisions
 * @param target the target as configured ({@code head} or a revision id)
 * @param pending the revisions up to the target that are not recorded, in the order they
 * would run
 * @param history the recorded, partial and unknown revisions, oldest first
 * @param checksumMismatches applied change sets whose files were edited
 * @param userTables how many tables other than the history the schema holds
 * @param historyTableExists whether the history table exists (it may be empty)
 * @param interrupted the revision an earlier run started and never finished, on a
 * database whose DDL commits at once (then the state is {@link DatabaseState#PARTIAL}),
 * or {@code null}
 * @author Migrations for Spring Boot contributors
 */
public record MigrationStatus(DatabaseInfo database, DatabaseState state, @Nullable String current, List<String> heads,
		String target, List<RevisionStatus> pending, List<RevisionStatus> history,
		List<ChecksumMismatch> checksumMismatches, int userTables, boolean historyTableExists,
		@Nullable InterruptedRevision interrupted) {

	/**
	 * The revisions that are recorded but unknown to the application.
	 * @return the unknown revisions
	 */
	public List<RevisionStatus> unknown() {
		return this.history.stream().filter((revision) -> revision.state() == RevisionState.UNKNOWN).toList();
	}

	/**
	 * The pending revisions that a recorded revision follows in the graph: applying them
	 * runs them out of order.
	 * @return the out-of-order revisions, in the order they would run
	 */
	public List<RevisionStatus> outOfOrder() {
		return this.pending.stream().filter(RevisionStatus::outOfOrder).toList();
	}

	/**
	 * The half-applied revisions.
	 * @return the partial revisions
	 */
	public List<RevisionStatus> partial() {
		return this.history.stream().filter((revision) -> revision.state() == RevisionState.PARTIAL).toList();
	}

}
