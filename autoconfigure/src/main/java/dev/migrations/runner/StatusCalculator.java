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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseInfo;
import dev.migrations.RevisionId;
import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.engine.HistoryRow;
import dev.migrations.internal.engine.PlannedChangeSet;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * Derives a {@link MigrationStatus} from the revisions, the history rows and the target.
 * Pure: no database access.
 *
 * @author Migrations for Spring Boot contributors
 */
final class StatusCalculator {

	/** Comment on the history rows of stamped revisions. */
	static final String STAMPED_COMMENT = "stamped by migrations";

	/** Comment prefix on the history rows of baselined revisions. */
	static final String BASELINE_COMMENT = "baseline by migrations";

	/**
	 * Comment prefix on the history rows of revisions adopted from another tool's
	 * history.
	 */
	static final String ADOPTED_COMMENT = "adopted by migrations";

	private static final Pattern DURATION = Pattern.compile(" in (\\d+) ms");

	private StatusCalculator() {
	}

	static MigrationStatus compute(DatabaseInfo database, RevisionGraph graph, List<CompiledRevision> compiled,
			List<HistoryRow> rows, int userTables, boolean historyTableExists, String target,
			@Nullable Revision targetRevision, @Nullable InterruptedRevision interrupted) {
		Map<String, HistoryRow> byKey = new LinkedHashMap<>();
		rows.forEach((row) -> byKey.put(row.key(), row));
		Set<String> matched = new HashSet<>();
		Set<RevisionId> wanted = new HashSet<>();
		if (targetRevision != null) {
			graph.upTo(targetRevision.id()).forEach((revision) -> wanted.add(revision.id()));
		}
		List<RevisionStatus> pending = new ArrayList<>();
		List<RevisionStatus> history = new ArrayList<>();
		List<ChecksumMismatch> mismatches = new ArrayList<>();
		boolean recordedBeyondTarget = false;
		String current = null;
		for (CompiledRevision revision : compiled) {
			RevisionStatus status = status(revision, byKey, matched, mismatches);
			if (status.state() == RevisionState.PENDING) {
				if (wanted.contains(revision.revision().id())) {
					pending.add(status);
				}
			}
			else {
				history.add(status);
				if (status.state().isRecorded()) {
					current = status.revision();
					recordedBeyondTarget |= !wanted.contains(revision.revision().id());
				}
			}
		}
		pending = markOutOfOrder(graph, pending, history);
		history.addAll(unknown(rows, matched, graph));
		history.sort((a, b) -> compareApplied(a, b));
		if (!history.isEmpty() && history.get(history.size() - 1).state() == RevisionState.UNKNOWN) {
			current = history.get(history.size() - 1).revision();
		}
		DatabaseState state = state(graph, rows, userTables, history, pending, recordedBeyondTarget);
		if (interrupted != null && state != DatabaseState.CONFLICT) {
			// Half-applied as surely as a revision with some change sets recorded, and
			// refused the same way.
			state = DatabaseState.PARTIAL;
		}
		return new MigrationStatus(database, state, current, graph.heads().stream().map(RevisionId::value).toList(),
				target, pending, history, mismatches, userTables, historyTableExists, interrupted);
	}

	/**
	 * A pending revision is out of order when a recorded revision follows it in the graph
	 * (descends from it through {@code down_revision}). In a straight line of revisions
	 * that is every recorded revision that sorts above it; a pending revision on a branch
	 * of its own, joined by a merge revision that is itself pending, is not.
	 * @param graph the graph
	 * @param pending the pending
	 * @param history the history
	 * @return the revision statuss
	 */
	private static List<RevisionStatus> markOutOfOrder(RevisionGraph graph, List<RevisionStatus> pending,
			List<RevisionStatus> history) {
		if (pending.isEmpty() || history.isEmpty()) {
			return pending;
		}
		Set<RevisionId> followed = followedByRecorded(graph, history);
		return pending.stream()
			.map((revision) -> followed.contains(new RevisionId(revision.revision())) ? revision.asOutOfOrder()
					: revision)
			.collect(Collectors.toCollection(ArrayList::new));
	}

	/**
	 * The revisions that some recorded revision descends from. One pass, children before
	 * parents.
	 * @param graph the graph
	 * @param history the history
	 * @return the revision ids
	 */
	static Set<RevisionId> followedByRecorded(RevisionGraph graph, List<RevisionStatus> history) {
		Set<RevisionId> recorded = new HashSet<>();
		history.stream()
			.filter((revision) -> revision.state().isRecorded() || revision.state() == RevisionState.PARTIAL)
			.forEach((revision) -> recorded.add(new RevisionId(revision.revision())));
		Set<RevisionId> followed = new HashSet<>();
		List<Revision> ordered = graph.ordered();
		for (int i = ordered.size() - 1; i >= 0; i--) {
			Revision revision = ordered.get(i);
			if (recorded.contains(revision.id()) || followed.contains(revision.id())) {
				followed.addAll(revision.parents());
			}
		}
		return followed;
	}

	private static int compareApplied(RevisionStatus a, RevisionStatus b) {
		if (a.appliedAt() == null || b.appliedAt() == null) {
			return 0;
		}
		return a.appliedAt().compareTo(b.appliedAt());
	}

	private static DatabaseState state(RevisionGraph graph, List<HistoryRow> rows, int userTables,
			List<RevisionStatus> history, List<RevisionStatus> pending, boolean recordedBeyondTarget) {
		if (graph.hasConflict()) {
			return DatabaseState.CONFLICT;
		}
		if (history.stream().anyMatch((revision) -> revision.state() == RevisionState.PARTIAL)) {
			return DatabaseState.PARTIAL;
		}
		if (rows.isEmpty()) {
			return (userTables == 0) ? DatabaseState.EMPTY : DatabaseState.UNMANAGED;
		}
		if (recordedBeyondTarget
				|| history.stream().anyMatch((revision) -> revision.state() == RevisionState.UNKNOWN)) {
			return DatabaseState.AHEAD;
		}
		return pending.isEmpty() ? DatabaseState.UP_TO_DATE : DatabaseState.BEHIND;
	}

	private static RevisionStatus status(CompiledRevision compiled, Map<String, HistoryRow> byKey, Set<String> matched,
			List<ChecksumMismatch> mismatches) {
		Revision revision = compiled.revision();
		List<String> recorded = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		List<HistoryRow> rows = new ArrayList<>();
		for (PlannedChangeSet changeSet : compiled.changeSets()) {
			HistoryRow row = byKey.get(changeSet.key());
			String name = changeSet.id() + "::" + changeSet.author();
			if (row == null) {
				missing.add(name);
				continue;
			}
			matched.add(row.key());
			recorded.add(name);
			rows.add(row);
			if (!row.markedRan() && !changeSet.matchesChecksum(row.checksum())) {
				mismatches.add(new ChecksumMismatch(revision.id().value(), revision.file(), name, row.checksum(),
						changeSet.checksum()));
			}
		}
		RevisionState state;
		if (rows.isEmpty()) {
			state = RevisionState.PENDING;
		}
		else if (!missing.isEmpty()) {
			state = RevisionState.PARTIAL;
		}
		else {
			state = recordedState(rows);
		}
		HistoryRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
		return new RevisionStatus(revision.id().value(), revision.description(), state, revision.file(),
				(last != null) ? last.executedAt() : null, (last != null) ? duration(last.comments()) : null,
				compiled.changeSets().size(), (last != null) ? last.deploymentId() : null, recorded, missing);
	}

	private static RevisionState recordedState(List<HistoryRow> rows) {
		if (rows.stream().allMatch(HistoryRow::markedRan)) {
			String comments = rows.get(rows.size() - 1).comments();
			if (comments != null && comments.startsWith(BASELINE_COMMENT)) {
				return RevisionState.BASELINE;
			}
			if (comments != null && comments.startsWith(STAMPED_COMMENT)) {
				return RevisionState.STAMPED;
			}
			if (comments != null && comments.startsWith(ADOPTED_COMMENT)) {
				return RevisionState.ADOPTED;
			}
		}
		return RevisionState.APPLIED;
	}

	private static @Nullable Long duration(@Nullable String comments) {
		if (comments == null) {
			return null;
		}
		Matcher matcher = DURATION.matcher(comments);
		return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
	}

	// Rows that match no change set of the application: grouped into the revisions they
	// belong to.
	private static List<RevisionStatus> unknown(List<HistoryRow> rows, Set<String> matched, RevisionGraph graph) {
		Map<String, List<HistoryRow>> groups = rows.stream()
			.filter((row) -> !matched.contains(row.key()))
			.collect(Collectors.groupingBy(StatusCalculator::revisionOf, LinkedHashMap::new, Collectors.toList()));
		List<RevisionStatus> unknown = new ArrayList<>();
		groups.forEach((revision, group) -> {
			if (RevisionId.isValid(revision) && graph.contains(new RevisionId(revision))) {
				// Extra rows of a known revision (a change set filtered out now, or
				// removed): not a revision of its own.
				return;
			}
			HistoryRow last = group.get(group.size() - 1);
			unknown.add(new RevisionStatus(revision, (last.description() != null) ? last.description() : "",
					RevisionState.UNKNOWN, null, last.executedAt(), duration(last.comments()), group.size(),
					last.deploymentId(), group.stream().map((row) -> row.id() + "::" + row.author()).toList(),
					List.of()));
		});
		return unknown;
	}

	private static String revisionOf(HistoryRow row) {
		if (row.filename().startsWith(HistoryRow.REVISION_FILE_PREFIX)) {
			return row.filename().substring(HistoryRow.REVISION_FILE_PREFIX.length());
		}
		return (row.tag() != null) ? row.tag() : row.id();
	}

}
