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

package dev.migrations.actuate;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.runner.RevisionDetail;
import dev.migrations.runner.RevisionState;

/**
 * One revision in full, as {@code GET /actuator/migrations/{revision}} shows it.
 *
 * @param revision the revision id
 * @param description the description
 * @param state the state in the database
 * @param files the files it comes from: the revision file, and its downgrade file if any
 * @param appliedAt when it was recorded, if it was
 * @param changesets its change sets, with their state and checksums
 * @param sql the SQL it runs (pending) or ran, without the history bookkeeping
 * @param downgradable whether a downgrade can reverse it
 * @param downgrade how it is reversed, or why it cannot be
 * @param interrupted the marker of this revision, if an earlier run started it (or began
 * reversing it) and never finished; else {@code null}
 * @author Migrations for Spring Boot contributors
 */
public record RevisionDescriptor(String revision, String description, RevisionState state, List<String> files,
		@Nullable Instant appliedAt, List<ChangeSetDescriptor> changesets, List<String> sql, boolean downgradable,
		String downgrade, MigrationsDescriptor.@Nullable InterruptedRevisionDescriptor interrupted) {

	/** The state of a change set that the history does not record. */
	public static final String PENDING = "PENDING";

	/**
	 * Describe a revision.
	 * @param detail the revision
	 * @return the descriptor
	 */
	public static RevisionDescriptor of(RevisionDetail detail) {
		return new RevisionDescriptor(detail.revision(), detail.description(), detail.state(), detail.files(),
				detail.appliedAt(), detail.changesets().stream().map(ChangeSetDescriptor::of).toList(), detail.sql(),
				detail.downgradable(), detail.downgrade(), (detail.interrupted() != null)
						? MigrationsDescriptor.InterruptedRevisionDescriptor.of(detail.interrupted()) : null);
	}

	/**
	 * One change set of a revision.
	 *
	 * @param id the change set id
	 * @param author the author
	 * @param state how the history records it: {@code EXECUTED}, {@code MARK_RAN}
	 * (recorded without running), or {@code PENDING}
	 * @param checksum the checksum of the file now
	 * @param recordedChecksum the checksum in the history, if recorded
	 * @param runInTransaction whether it runs inside the revision's transaction
	 */
	public record ChangeSetDescriptor(String id, String author, String state, String checksum,
			@Nullable String recordedChecksum, boolean runInTransaction) {

		static ChangeSetDescriptor of(RevisionDetail.ChangeSetDetail changeSet) {
			String state = (!changeSet.recorded()) ? PENDING
					: (changeSet.execType() != null) ? changeSet.execType() : "EXECUTED";
			return new ChangeSetDescriptor(changeSet.id(), changeSet.author(), state, changeSet.checksum(),
					changeSet.recordedChecksum(), changeSet.runInTransaction());
		}

	}

}
