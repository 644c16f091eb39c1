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

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseInfo;
import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.engine.StartedRevision;
import dev.migrations.internal.lock.MigrationLock;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * What a run does, under the lock and before anything else, about a revision an earlier
 * run started and never finished (on databases whose DDL commits at once): refuse with
 * the choices, or clear the marker when the request is one of them ({@code repair} of the
 * revision, or a {@code stamp} that records it).
 *
 * @author Migrations for Spring Boot contributors
 */
final class StartedRevisions {

	private static final Logger logger = LoggerFactory.getLogger(StartedRevisions.class);

	private StartedRevisions() {
	}

	/**
	 * Check for a started revision under the lock.
	 * @param graph the graph
	 * @param resolved the resolved
	 * @param session the session
	 * @param progress the run's progress
	 * @return {@code true} if the request was one of the ways out that is all there is to
	 * do ({@code repair} of the started revision, or the {@code stamp} that records a
	 * downgrade completed by hand), which is done: nothing else is to be done then
	 * @throws MigrationException if a started revision blocks the request
	 */
	static boolean check(MigrationSession session, Request.Resolved resolved, RevisionGraph graph,
			RunProgress progress) {
		StartedRevision started;
		try {
			started = session.engine().startedRevision();
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot read the started-revision marker of " + session.database().url() + ": " + ex.getMessage(),
					"Check the database connection and the migration user's privileges. Nothing was written.", ex);
		}
		if (started == null) {
			return false;
		}
		RevisionId id = new RevisionId(started.revision());
		String table = session.startedTable();
		if (resolved.repair() != null && resolved.repair().id().sameRevisionAs(id)) {
			session.engine().clearStartedRevision();
			if (started.downgrade()) {
				logger.warn(
						"Cleared the marker of revision {} ({}), started being reversed {} by {} and never "
								+ "finished: it stays applied",
						started.revision(), started.file(), started.startedAt(), started.startedBy());
			}
			else {
				logger.warn(
						"Cleared the marker of revision {} ({}), started {} by {} and never finished: the next start "
								+ "runs it from its first statement",
						started.revision(), started.file(), started.startedAt(), started.startedBy());
			}
			return true;
		}
		if (started.downgrade()) {
			Revision below = below(graph, id);
			if (resolved.stamp() != null && resolved.stamp().equals(below)) {
				Revision revision = graph.find(id);
				session.status(graph, null, RevisionGraph.HEAD);
				session.engine().recordReversed(session.rowsOf(session.compiled(revision)));
				progress.start(revision.id().value());
				progress.reverted(revision.id().value(), below.id().value());
				logger.warn(
						"Stamping {} records revision {}, started being reversed {} by {} and never finished, "
								+ "as reversed by hand: its history rows and the marker are deleted",
						below.id(), started.revision(), started.startedAt(), started.startedBy());
				return true;
			}
		}
		else if (resolved.stamp() != null && atOrAfter(graph.ordered(), resolved.stamp(), id)) {
			session.engine().clearStartedRevision();
			logger.warn("Stamping {} records revision {}, started {} by {} and never finished, as completed by hand",
					resolved.stamp().id(), started.revision(), started.startedAt(), started.startedBy());
			return false;
		}
		throw interrupted(started, session, table, graph);
	}

	private static boolean atOrAfter(List<Revision> ordered, Revision stamp, RevisionId started) {
		int stampAt = ordered.indexOf(stamp);
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).id().sameRevisionAs(started)) {
				return stampAt >= i;
			}
		}
		return false;
	}

	/**
	 * The revision a downgrade of a revision goes to: its one parent; {@code null} when
	 * it has none or several, or the application does not have it.
	 * @param graph the graph
	 * @param id the revision
	 * @return the revision below, or {@code null}
	 */
	private static @Nullable Revision below(RevisionGraph graph, RevisionId id) {
		if (!graph.contains(id)) {
			return null;
		}
		List<RevisionId> parents = List.copyOf(graph.find(id).parents());
		return (parents.size() == 1 && graph.contains(parents.get(0))) ? graph.find(parents.get(0)) : null;
	}

	/**
	 * Take the way out the request is, before anything else and under the lock: a repair
	 * of the started revision clears the marker (before the repair's own checks: a
	 * started upgrade has no history rows to repair), and a stamp of the revision below a
	 * downgrade's records it as reversed.
	 * @param graph the graph
	 * @param resolved the resolved
	 * @param session the session
	 * @param progress the progress
	 * @return {@code true} if it did, and nothing else is to be done
	 */
	static boolean takeWayOut(MigrationSession session, Request.Resolved resolved, RevisionGraph graph,
			RunProgress progress) {
		if (resolved.repair() == null && resolved.stamp() == null) {
			return false;
		}
		try {
			StartedRevision started = session.engine().startedRevision();
			if (started == null) {
				return false;
			}
			RevisionId id = new RevisionId(started.revision());
			boolean repair = resolved.repair() != null && resolved.repair().id().sameRevisionAs(id);
			boolean stampBelow = started.downgrade() && resolved.stamp() != null
					&& resolved.stamp().equals(below(graph, id));
			if (!repair && !stampBelow) {
				return false;
			}
		}
		catch (SQLException ex) {
			return false;
		}
		progress.writing();
		try (MigrationLock lock = session.lock()) {
			return check(session, resolved, graph, progress);
		}
	}

	static MigrationException interrupted(StartedRevision started, MigrationSession session, String table,
			RevisionGraph graph) {
		InterruptedRevision interrupted = describe(started, session.database(), table, graph);
		return new MigrationException(
				interrupted.description() + " Nothing was done now; the revision file is not at fault.",
				interrupted.action());
	}

	/**
	 * The marker as the status shows it: with the same description and ways out as the
	 * refusal.
	 * @param started the marker
	 * @param database the database
	 * @param table the marker's table
	 * @param graph the application's revisions
	 * @return the interrupted revision
	 */
	static InterruptedRevision describe(StartedRevision started, DatabaseInfo database, String table,
			RevisionGraph graph) {
		String revision = started.revision();
		int count = started.statementsStarted();
		String of = started.downgrade() ? "its downgrade's" : "its";
		String progress = (count == 0)
				? "no statement of " + (started.downgrade() ? "its downgrade" : "it") + " is known to have started "
						+ "(Java code and data loads run without this record)"
				: (count == 1) ? of + " first statement had started and may or may not have completed"
						: (count - 1) + " of " + of + " statements completed and statement " + count
								+ " had started and may or may not have completed";
		String last = (started.lastStatement() != null)
				? " (statement " + count + ": " + oneLine(started.lastStatement()) + ")" : "";
		String when = ((started.startedAt() != null) ? "at " + started.startedAt() + " " : "") + "by "
				+ started.startedBy();
		String description;
		String action;
		if (started.downgrade()) {
			Revision below = below(graph, new RevisionId(revision));
			String to = (below != null) ? below.id().value() : (graph.contains(new RevisionId(revision))
					&& graph.find(new RevisionId(revision)).parents().isEmpty()) ? "base" : null;
			description = "Revision " + revision + " (" + started.file() + ") was being reversed"
					+ ((to != null) ? " (downgrade to " + to + ")" : " (downgrade)") + " " + when
					+ " and never finished: a statement of its downgrade failed, or the process stopped inside it. On "
					+ database.product() + " each DDL statement commits at once, so part of the downgrade may be "
					+ "applied: " + progress + last + ". The history still records " + revision + " as applied.";
			String reversed = (below != null)
					? "record " + revision + " as reversed with the stamp command (stamp " + below.id()
							+ ", or migrations.stamp=" + below.id() + "), which deletes its history rows and the marker"
					: "delete the history rows of " + revision + " by hand and clear the marker with the repair "
							+ "command (repair " + revision + ", or migrations.repair=" + revision + ")";
			action = "Look at what the downgrade of " + revision + " left in " + database.container()
					+ ", then either: (1) restore by hand what it removed, then clear the marker with the repair "
					+ "command (repair " + revision + ", or migrations.repair=" + revision + "): " + revision
					+ " stays applied; or (2) complete the reversal by hand (the rest of its downgrade), then "
					+ reversed + ". The marker is the row in " + table + ".";
		}
		else {
			description = "Revision " + revision + " (" + started.file() + ") was started " + when
					+ " and never finished: a statement of it failed, or the process stopped inside it. On "
					+ database.product() + " each DDL statement commits at once, so part of the revision "
					+ "may be applied: " + progress + last + ". Its history rows were never written.";
			action = "Look at what " + revision + " left in " + database.container() + ", then either: (1) complete "
					+ "the rest of " + revision + " by hand and record it as applied with the stamp command (stamp "
					+ revision + ", or migrations.stamp=" + revision + "); or (2) undo what ran of " + revision
					+ " by hand, then clear the marker with the repair command (repair " + revision
					+ ", or migrations.repair=" + revision + ") and start again: " + revision
					+ " then runs from its first statement. The marker is the row in " + table + ".";
		}
		Instant startedAt = (started.startedAt() != null)
				? started.startedAt().atZone(ZoneId.systemDefault()).toInstant() : null;
		return new InterruptedRevision(revision,
				started.downgrade() ? InterruptedRevision.Direction.DOWNGRADE : InterruptedRevision.Direction.UPGRADE,
				started.file(), startedAt, started.startedBy(), count, started.lastStatement(), description, action);
	}

	private static String oneLine(String sql) {
		String text = sql.replaceAll("\\s+", " ").trim();
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
