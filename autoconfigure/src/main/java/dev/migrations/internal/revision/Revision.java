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

package dev.migrations.internal.revision;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.RevisionId;

/**
 * One revision: an id, what it is about, the revisions it follows and what it executes.
 *
 * @param id the revision id
 * @param description the description, from the file name's slug with {@code _} as spaces
 * @param parents the revisions it follows ({@code down_revision}); empty for the first
 * revision
 * @param file the file the revision comes from, as shown to users
 * @param content what the revision executes
 * @author Migrations for Spring Boot contributors
 */
public record Revision(RevisionId id, String description, List<RevisionId> parents, String file,
		RevisionContent content) {

	public Revision {
		// null only while the scanner has not yet assigned the default parent
		parents = (parents != null) ? List.copyOf(parents) : null;
	}

	/**
	 * A header of the revision's file: a comment among its first lines such as
	 * {@code -- lock_timeout: 30s}.
	 * @param name the header's name, lower case
	 * @return its value, or {@code null} if the file has no such header (or the revision
	 * is not a file)
	 */
	public @Nullable String header(String name) {
		String text = (this.content instanceof RevisionContent.Sql sql) ? sql.upgrade()
				: (this.content instanceof RevisionContent.LiquibaseChangelog changelog) ? changelog.text() : null;
		return (text != null) ? RevisionScanner.header(text).get(name) : null;
	}

	/**
	 * The id and description, as used in log lines: {@code 018 add project costs table}.
	 * @return the label
	 */
	public String label() {
		return this.description.isEmpty() ? this.id.value() : this.id.value() + " " + this.description;
	}

}
