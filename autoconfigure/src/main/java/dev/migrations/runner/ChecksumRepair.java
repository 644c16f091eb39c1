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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migrations.internal.engine.ChecksumUpdate;
import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.engine.HistoryRow;
import dev.migrations.internal.engine.PlannedChangeSet;

/**
 * Which history rows take a new checksum: those of a repaired revision whose file was
 * edited on purpose, and those with no checksum at all (cleared by
 * {@code liquibase clear-checksums}, or written by another tool). Pure: the session
 * writes what this decides.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ChecksumRepair {

	/** The note a repair leaves in the comments of the rows it changed. */
	static final String REPAIRED_COMMENT = "repaired by migrations";

	private ChecksumRepair() {
	}

	/**
	 * The rows of a recorded revision whose checksum differs from its file's now, each
	 * with a note that keeps the row's own comments (how it was recorded) and says which
	 * checksum it had. Empty when every row matches: a repair is idempotent.
	 * @param at the at
	 * @param revision the revision
	 * @param rows the rows
	 * @return the checksum updates
	 */
	static List<ChecksumUpdate> edited(CompiledRevision revision, List<HistoryRow> rows, Instant at) {
		Map<String, HistoryRow> byKey = rows.stream().collect(Collectors.toMap(HistoryRow::key, Function.identity()));
		List<ChecksumUpdate> updates = new ArrayList<>();
		for (PlannedChangeSet changeSet : revision.changeSets()) {
			HistoryRow row = byKey.get(changeSet.key());
			if (row != null && !isMissing(row.checksum()) && !changeSet.matchesChecksum(row.checksum())) {
				updates.add(new ChecksumUpdate(row, changeSet.checksum(),
						note(row.comments(), row.checksum(), changeSet.checksum(), at)));
			}
		}
		return updates;
	}

	/**
	 * The rows of the application's change sets that record no checksum, each with the
	 * checksum of its change set; comments are kept.
	 * @param revisions the revisions
	 * @param rows the rows
	 * @return the checksum updates
	 */
	static List<ChecksumUpdate> missing(Collection<CompiledRevision> revisions, List<HistoryRow> rows) {
		Map<String, HistoryRow> missing = rows.stream()
			.filter((row) -> isMissing(row.checksum()))
			.collect(Collectors.toMap(HistoryRow::key, Function.identity(), (a, b) -> a));
		if (missing.isEmpty()) {
			return List.of();
		}
		List<ChecksumUpdate> updates = new ArrayList<>();
		for (CompiledRevision revision : revisions) {
			for (PlannedChangeSet changeSet : revision.changeSets()) {
				HistoryRow row = missing.get(changeSet.key());
				if (row != null) {
					updates.add(new ChecksumUpdate(row, changeSet.checksum(), null));
				}
			}
		}
		return updates;
	}

	// The row's own comment comes first: STAMPED, BASELINE and the duration are read from
	// its start.
	static String note(@Nullable String comments, @Nullable String from, String to, Instant at) {
		String note = REPAIRED_COMMENT + ": checksum " + from + " -> " + to + " at "
				+ at.truncatedTo(ChronoUnit.SECONDS);
		String kept = (comments != null) ? comments : "";
		int previous = kept.indexOf(REPAIRED_COMMENT);
		if (previous >= 0) {
			kept = kept.substring(0, previous);
		}
		kept = kept.strip();
		if (kept.endsWith(";")) {
			kept = kept.substring(0, kept.length() - 1);
		}
		return kept.isEmpty() ? note : kept + "; " + note;
	}

	private static boolean isMissing(@Nullable String checksum) {
		return checksum == null || checksum.isBlank();
	}

}
