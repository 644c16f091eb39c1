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

import org.jspecify.annotations.Nullable;

/**
 * One difference between the schema the recorded revisions produce and the live schema.
 *
 * @param kind missing from the live schema, unexpected in it, or changed
 * @param type what kind of object: {@code table}, {@code column}, {@code primary key},
 * {@code unique constraint}, {@code check constraint}, {@code exclusion constraint},
 * {@code index}, {@code foreign key}, {@code view} or {@code sequence}
 * @param table the table or view the object belongs to, or {@code null} for tables, views
 * and sequences
 * @param name the object's name, as the database stores it
 * @param expected what the revisions produce, or {@code null} if they produce nothing of
 * that name
 * @param actual what the live schema has, or {@code null} if it has nothing of that name
 * @param revision the revision that created or last changed the object, as far as its
 * text tells, or {@code null}
 * @author Migrations for Spring Boot contributors
 */
public record SchemaDifference(Kind kind, String type, @Nullable String table, String name, @Nullable String expected,
		@Nullable String actual, @Nullable String revision) {

	/**
	 * The object, as a reviewer names it:
	 * {@code index `idx_costs_date` on `project_costs`}.
	 * @return the object
	 */
	public String object() {
		return (this.table != null) ? this.type + " `" + this.name + "` on `" + this.table + "`"
				: this.type + " `" + this.name + "`";
	}

	/**
	 * The difference as a reviewer's note:
	 * {@code index `idx_costs_date` missing on `project_costs` (created by 018)}.
	 * @return the note
	 */
	public String note() {
		String where = (this.table != null) ? " on `" + this.table + "`" : "";
		String what = this.type + " `" + this.name + "`";
		return switch (this.kind) {
			case MISSING -> what + " missing" + where + ((this.expected != null) ? ": expected " + this.expected : "")
					+ ((this.revision != null) ? " (created by " + this.revision + ")" : "");
			case UNEXPECTED -> what + " unexpected" + where + ((this.actual != null) ? ": " + this.actual : "")
					+ " (no revision creates it)";
			case CHANGED -> what + " changed" + where + ": expected " + this.expected + ", found " + this.actual
					+ ((this.revision != null) ? " (as of " + this.revision + ")" : "");
		};
	}

	/**
	 * This difference attributed to a revision.
	 * @param revision the revision id
	 * @return the new difference
	 */
	public SchemaDifference withRevision(@Nullable String revision) {
		return new SchemaDifference(this.kind, this.type, this.table, this.name, this.expected, this.actual, revision);
	}

	/**
	 * Whether a pattern of {@code migrations.drift.ignore} matches this object: its name,
	 * its table, or {@code table.name}; {@code *} matches any run of characters, case is
	 * ignored.
	 * @param pattern the pattern
	 * @return {@code true} if the object is ignored
	 */
	public boolean matches(String pattern) {
		String regex = "(?i)" + java.util.Arrays.stream(pattern.trim().split("\\*", -1))
			.map(java.util.regex.Pattern::quote)
			.reduce((a, b) -> a + ".*" + b)
			.orElse("");
		return this.name.matches(regex)
				|| (this.table != null && (this.table.matches(regex) || (this.table + "." + this.name).matches(regex)));
	}

	@Override
	public String toString() {
		return note();
	}

	/**
	 * How the live schema differs.
	 */
	public enum Kind {

		/** The revisions create it; the live schema lacks it. */
		MISSING,

		/** The live schema has it; no revision creates it. */
		UNEXPECTED,

		/** Both have it, but not alike. */
		CHANGED

	}

}
