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

package dev.migrations.internal.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table ({@code DATABASECHANGELOG}): one change set that was
 * executed or marked as ran.
 *
 * @param id the change set id
 * @param author the change set author
 * @param filename the change set's logical file; {@code migrations/<revision>} for
 * revision files
 * @param executedAt when it was recorded
 * @param orderExecuted the order it was recorded in
 * @param execType {@code EXECUTED}, {@code MARK_RAN}, ...
 * @param checksum the stored checksum
 * @param description the description column
 * @param comments the comments column; marks stamped and baselined revisions
 * @param tag the tag; the revision id on a revision's last change set
 * @param deploymentId the run that recorded it
 * @author Migrations for Spring Boot contributors
 */
public record HistoryRow(String id, String author, String filename, @Nullable Instant executedAt, int orderExecuted,
		String execType, @Nullable String checksum, @Nullable String description, @Nullable String comments,
		@Nullable String tag, @Nullable String deploymentId) {

	/**
	 * The prefix of the logical file name of every change set that comes from a revision
	 * file.
	 */
	public static final String REVISION_FILE_PREFIX = "migrations/";

	/**
	 * The key that identifies the change set: file, id and author.
	 * @return the key
	 */
	public String key() {
		return key(this.filename, this.id, this.author);
	}

	/**
	 * The key of a change set.
	 * @param filename the logical file
	 * @param id the id
	 * @param author the author
	 * @return the key
	 */
	public static String key(String filename, String id, String author) {
		return filename + "::" + id + "::" + author;
	}

	/**
	 * Whether the change set was recorded without being executed.
	 * @return {@code true} for {@code MARK_RAN}
	 */
	public boolean markedRan() {
		return "MARK_RAN".equals(this.execType);
	}

}
