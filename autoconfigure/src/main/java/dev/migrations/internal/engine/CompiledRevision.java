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

import java.util.List;

import dev.migrations.internal.revision.Revision;

/**
 * A revision with the change sets that apply to this database (after {@code dbms},
 * contexts and labels).
 *
 * @param revision the revision
 * @param changeSets its change sets, in order
 * @author Migrations for Spring Boot contributors
 */
public record CompiledRevision(Revision revision, List<PlannedChangeSet> changeSets) {

	/**
	 * Whether all change sets run in the revision's single transaction.
	 * @return {@code true} unless a change set says {@code runInTransaction: false}
	 */
	public boolean transactional() {
		return this.changeSets.stream().allMatch(PlannedChangeSet::runInTransaction);
	}

}
