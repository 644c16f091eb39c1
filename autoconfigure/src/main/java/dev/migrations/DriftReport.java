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

package dev.migrations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How the live schema differs from the schema its recorded revisions produce.
 *
 * @param database the live database's URL, without credentials
 * @param revision the database's current revision, or {@code null} at base
 * @param differences the differences, tables first; empty when the schema is what the
 * revisions say
 * @param notes what limits the comparison, e.g. recorded revisions the application does
 * not have
 * @author Migrations for Spring Boot contributors
 */
public record DriftReport(String database, @Nullable String revision, List<SchemaDifference> differences,
		List<String> notes) {

	/**
	 * Whether the live schema differs from the expected one.
	 * @return {@code true} if there is at least one difference
	 */
	public boolean hasDrift() {
		return !this.differences.isEmpty();
	}

	/**
	 * The report as a reviewer's note, one difference a line.
	 * @return the text
	 */
	public String summary() {
		StringBuilder text = new StringBuilder();
		String at = (this.revision != null) ? "revision " + this.revision : "base (no revision)";
		if (this.differences.isEmpty()) {
			text.append("The schema of ")
				.append(this.database)
				.append(" is what its revisions produce (")
				.append(at)
				.append(").");
		}
		else {
			text.append("The schema of ")
				.append(this.database)
				.append(" differs from what its revisions produce (")
				.append(at)
				.append("): ")
				.append(this.differences.size())
				.append(" difference(s)");
			this.differences.forEach((difference) -> text.append("\n  - ").append(difference.note()));
		}
		this.notes.forEach((note) -> text.append("\n  Note: ").append(note));
		return text.toString();
	}

}
