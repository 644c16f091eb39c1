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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.migrations.DatabaseInfo;
import dev.migrations.MigrationException;

/**
 * The SQL an operation would execute, history bookkeeping included, in execution order;
 * produced by the same walk that executes, so it is what runs. Comments
 * ({@code -- revision 018 …}) mark where each revision starts, and name what has no SQL
 * text (Java code, prepared statements).
 *
 * @param database the database it was planned for, without credentials
 * @param statements the statements, and comments starting with {@code "-- "}
 * @author Migrations for Spring Boot contributors
 */
public record SqlScript(DatabaseInfo database, List<String> statements) {

	/**
	 * The script as a file's text: a header, then each statement ended by {@code ;}.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		text.append("-- SQL that migrations would execute on ")
			.append(this.database.url())
			.append(", generated ")
			.append(Instant.now())
			.append("\n-- Nothing was executed. Statements end with ';'.\n\n");
		for (String statement : this.statements) {
			text.append(statement);
			text.append(isNote(statement) ? "\n" : ";\n");
		}
		return text.toString();
	}

	/**
	 * Whether an entry is a note of the script (where a revision starts, what has no SQL
	 * text) rather than a statement: one line starting with {@code "-- "}. A statement
	 * may start with comments too, but then goes on after a line break.
	 * @param entry an entry of {@link #statements()}
	 * @return {@code true} for a note
	 */
	public static boolean isNote(String entry) {
		return entry.startsWith("-- ") && entry.indexOf('\n') < 0;
	}

	/**
	 * Write the script to a file, creating its directory.
	 * @param file the file
	 * @param property the property that named the file, for the failure message
	 * @throws MigrationException if it cannot be written
	 */
	void writeTo(Path file, String property) {
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, text());
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot write the dry-run SQL to " + file + ": " + ex.getMessage(),
					"Check " + property + ": its directory must be writable.", ex);
		}
	}

}
