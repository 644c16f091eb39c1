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
 * One revision as the database sees it.
 *
 * @param revision the revision id
 * @param description the description
 * @param state the state
 * @param file the revision file, {@code null} for unknown revisions
 * @param appliedAt when its last change set was recorded
 * @param executionTimeMs how long it took to apply, when this starter applied it
 * @param changesets how many change sets it has for this database
 * @param deploymentId the run that recorded it
 * @param recordedChangesets the change sets that are recorded, as {@code id::author}
 * @param missingChangesets the change sets that are not, as {@code id::author}
 * @param outOfOrder whether the revision is pending although a revision that follows it
 * in the graph is recorded: applying it now runs it out of order
 * @author Migrations for Spring Boot contributors
 */
public record RevisionStatus(String revision, String description, RevisionState state, @Nullable String file,
		@Nullable Instant appliedAt, @Nullable Long executionTimeMs, int changesets, @Nullable String deploymentId,
		List<String> recordedChangesets, List<String> missingChangesets, boolean outOfOrder) {

	/**
	 * A revision in order.
	 * @param revision the revision id
	 * @param description the description
	 * @param state the state
	 * @param file the revision file, {@code null} for unknown revisions
	 * @param appliedAt when its last change set was recorded
	 * @param executionTimeMs how long it took to apply, when this starter applied it
	 * @param changesets how many change sets it has for this database
	 * @param deploymentId the run that recorded it
	 * @param recordedChangesets the change sets that are recorded, as {@code id::author}
	 * @param missingChangesets the change sets that are not, as {@code id::author}
	 */
	public RevisionStatus(String revision, String description, RevisionState state, @Nullable String file,
			@Nullable Instant appliedAt, @Nullable Long executionTimeMs, int changesets, @Nullable String deploymentId,
			List<String> recordedChangesets, List<String> missingChangesets) {
		this(revision, description, state, file, appliedAt, executionTimeMs, changesets, deploymentId,
				recordedChangesets, missingChangesets, false);
	}

	/**
	 * This status marked as pending out of order.
	 * @return the new status
	 */
	RevisionStatus asOutOfOrder() {
		return new RevisionStatus(this.revision, this.description, this.state, this.file, this.appliedAt,
				this.executionTimeMs, this.changesets, this.deploymentId, this.recordedChangesets,
				this.missingChangesets, true);
	}

}
