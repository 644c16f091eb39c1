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
 * One revision in full: its files, its change sets with their state, the SQL it runs, and
 * whether it can be downgraded.
 *
 * @param revision the revision id
 * @param description the description
 * @param state the state in the database
 * @param files the files it comes from (the revision file, and its downgrade file if any)
 * @param appliedAt when it was recorded, if it was
 * @param changesets its change sets
 * @param sql the SQL it runs (pending) or ran, without the history bookkeeping
 * @param downgradable whether it can be reversed by a downgrade
 * @param downgrade how it is reversed, or why it cannot be
 * @param interrupted the marker of this revision, if an earlier run started it (or began
 * reversing it) and never finished, on databases whose DDL commits at once; else
 * {@code null}
 * @author Migrations for Spring Boot contributors
 */
public record RevisionDetail(String revision, String description, RevisionState state, List<String> files,
		@Nullable Instant appliedAt, List<ChangeSetDetail> changesets, List<String> sql, boolean downgradable,
		String downgrade, @Nullable InterruptedRevision interrupted) {

	/**
	 * One change set of a revision.
	 *
	 * @param id the change set id
	 * @param author the author
	 * @param recorded whether the history records it
	 * @param execType how it was recorded ({@code EXECUTED}, {@code MARK_RAN}), if it was
	 * @param checksum the checksum of the file now
	 * @param recordedChecksum the checksum in the history, if recorded
	 * @param runInTransaction whether it runs inside the revision's transaction
	 */
	public record ChangeSetDetail(String id, String author, boolean recorded, @Nullable String execType,
			String checksum, @Nullable String recordedChecksum, boolean runInTransaction) {

	}

}
