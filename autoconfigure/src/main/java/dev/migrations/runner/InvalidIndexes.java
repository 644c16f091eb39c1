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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.revision.Revision;

/**
 * INVALID indexes ({@code pg_index.indisvalid = false}) that a revision running outside a
 * transaction left behind: a {@code CREATE INDEX CONCURRENTLY} that failed (duplicate
 * keys for a unique index, a lock timeout, a cancelled build) keeps its index, unusable
 * but maintained on every write. The failure names it; the next run refuses to run the
 * revision again while it exists, so that an {@code IF NOT EXISTS} cannot keep it
 * silently, and names the {@code DROP INDEX CONCURRENTLY} to run first.
 *
 * @author Migrations for Spring Boot contributors
 */
final class InvalidIndexes {

	private static final Logger logger = LoggerFactory.getLogger(InvalidIndexes.class);

	private InvalidIndexes() {
	}

	/**
	 * The INVALID indexes of the current schema that a non-transactional PostgreSQL
	 * revision names; empty for any other revision or database.
	 * @param compiled the compiled
	 * @param session the session
	 * @return the strings
	 */
	static List<String> leftBy(MigrationSession session, CompiledRevision compiled) {
		if (compiled.transactional() || !session.database().isPostgres()) {
			return List.of();
		}
		String text = SchemaDrift.text(compiled.revision());
		if (text == null) {
			return List.of();
		}
		List<String> found = new ArrayList<>();
		Connection connection = session.connection();
		try {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_index i "
							+ "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
							+ "WHERE NOT i.indisvalid AND n.nspname = current_schema()")) {
				while (result.next()) {
					Pattern name = Pattern.compile(
							"(?<![A-Za-z0-9_])" + Pattern.quote(result.getString(2)) + "(?![A-Za-z0-9_])",
							Pattern.CASE_INSENSITIVE);
					if (name.matcher(text).find()) {
						found.add(result.getString(1) + "." + result.getString(2));
					}
				}
			}
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not look for INVALID indexes left by revision {}", compiled.revision().id(), ex);
		}
		return found;
	}

	static String drops(List<String> indexes) {
		return indexes.stream()
			.map((index) -> "DROP INDEX CONCURRENTLY " + index + ";")
			.collect(Collectors.joining(" "));
	}

	/**
	 * The failure of a revision that is about to run again while the INVALID index it
	 * left exists.
	 * @param current the current
	 * @param indexes the indexes
	 * @param progress the progress
	 * @param revision the revision
	 * @return the run failed exception
	 */
	static RunFailedException refused(Revision revision, List<String> indexes, String current, RunProgress progress) {
		return new RunFailedException("Revision " + revision.label() + " (" + revision.file()
				+ ") runs outside a transaction and failed before: it left the INVALID index(es) "
				+ String.join(", ", indexes) + " (pg_index.indisvalid = false), which PostgreSQL keeps updating but "
				+ "never uses. The revision was not run again, so that it cannot skip or trip over "
				+ ((indexes.size() == 1) ? "it" : "them") + ". Nothing was written: the database is at revision "
				+ current + ".",
				"Drop " + ((indexes.size() == 1) ? "it" : "them") + " first: " + drops(indexes)
						+ " Then fix the cause of the first failure (e.g. duplicate rows for a unique index) and restart.",
				new IllegalStateException("INVALID index " + String.join(", ", indexes)), progress);
	}

	/**
	 * A revision's failure, with the INVALID indexes it left named.
	 * @param failure the failure
	 * @param indexes the indexes
	 * @param progress the progress
	 * @return the run failed exception
	 */
	static RunFailedException withIndexes(RunFailedException failure, List<String> indexes, RunProgress progress) {
		return new RunFailedException(
				failure.getDescription() + "\nIt left the INVALID index(es) " + String.join(", ", indexes)
						+ " (pg_index.indisvalid = false): the next start refuses to run the " + "revision again until "
						+ ((indexes.size() == 1) ? "it is" : "they are") + " dropped.",
				"Drop " + ((indexes.size() == 1) ? "it" : "them") + ": " + drops(indexes) + " Then: "
						+ failure.getAction(),
				failure.getCause(), progress);
	}

}
