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

import org.jspecify.annotations.Nullable;

/**
 * One change set of a revision as it applies to this database: its identity in the
 * history table, its checksum, and how it runs. Plain SQL revisions have exactly one.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class PlannedChangeSet {

	private final String id;

	private final String author;

	private final String filename;

	private final String checksum;

	private final String description;

	private final @Nullable String contexts;

	private final @Nullable String labels;

	private final boolean runInTransaction;

	private final ChangeSetWork work;

	PlannedChangeSet(String id, String author, String filename, String checksum, String description,
			@Nullable String contexts, @Nullable String labels, boolean runInTransaction, ChangeSetWork work) {
		this.id = id;
		this.author = author;
		this.filename = filename;
		this.checksum = checksum;
		this.description = description;
		this.contexts = contexts;
		this.labels = labels;
		this.runInTransaction = runInTransaction;
		this.work = work;
	}

	/**
	 * The change set id.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The change set author.
	 * @return the author
	 */
	public String author() {
		return this.author;
	}

	/**
	 * The logical file name recorded in the history table.
	 * @return the file name
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * The checksum recorded in the history table.
	 * @return the checksum
	 */
	public String checksum() {
		return this.checksum;
	}

	/**
	 * The description recorded in the history table.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	@Nullable String contexts() {
		return this.contexts;
	}

	@Nullable String labels() {
		return this.labels;
	}

	/**
	 * Whether the change set runs inside the revision's transaction.
	 * @return {@code false} for {@code runInTransaction: false} change sets
	 */
	public boolean runInTransaction() {
		return this.runInTransaction;
	}

	/**
	 * The key of this change set in the history table.
	 * @return the key
	 */
	public String key() {
		return HistoryRow.key(this.filename, this.id, this.author);
	}

	/**
	 * Whether a stored checksum matches this change set (Liquibase's
	 * {@code validCheckSum} is honoured).
	 * @param stored the stored checksum
	 * @return {@code true} if it matches or nothing was stored
	 */
	public boolean matchesChecksum(@Nullable String stored) {
		return stored == null || stored.isEmpty() || this.work.matchesChecksum(stored, this.checksum);
	}

	ChangeSetWork work() {
		return this.work;
	}

	/**
	 * What a change set does, in the engine's terms. Upgrade and downgrade hand every
	 * statement to a sink that either executes it or collects it for a preview: one walk
	 * for both, so that a preview shows what runs.
	 */
	interface ChangeSetWork {

		boolean matchesChecksum(String stored, String computed);

		/**
		 * Run the change set through the sink, without committing.
		 * @param engine the engine
		 * @param sink the sink
		 * @return how to record it: {@code EXECUTED}, {@code MARK_RAN} (a precondition
		 * said so)
		 */
		String upgrade(MigrationEngine engine, StatementSink sink) throws Exception;

		/**
		 * How the change set is reversed, or why it cannot be.
		 * @param engine the engine
		 * @return the reversal
		 */
		Reversal reversal(MigrationEngine engine) throws Exception;

		/**
		 * Reverse the change set through the sink, without committing.
		 * @param engine the engine
		 * @param sink the sink
		 */
		void downgrade(MigrationEngine engine, StatementSink sink) throws Exception;

	}

}
