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
	 * @return {@code true} if the request was to clear the marker ({@code repair} of the
	 * started revision), which is done: nothing else is to be done then
	 * @throws MigrationException if a started revision blocks the request
	 */
	static boolean check(MigrationSession session, Request.Resolved resolved, RevisionGraph graph) {
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
			logger.warn(
					"Cleared the marker of revision {} ({}), started {} by {} and never finished: the next start "
							+ "runs it from its first statement",
					started.revision(), started.file(), started.startedAt(), started.startedBy());
			return true;
		}
		if (resolved.stamp() != null && atOrAfter(graph.ordered(), resolved.stamp(), id)) {
			session.engine().clearStartedRevision();
			logger.warn("Stamping {} records revision {}, started {} by {} and never finished, as completed by hand",
					resolved.stamp().id(), started.revision(), started.startedAt(), started.startedBy());
			return false;
		}
		throw interrupted(started, session, table);
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
	 * Clear the marker when the request repairs the started revision: under the lock,
	 * before the repair's own checks (a started revision has no history rows to repair).
	 * @param graph the graph
	 * @param resolved the resolved
	 * @param session the session
	 * @param progress the progress
	 * @return {@code true} if it did, and nothing else is to be done
	 */
	static boolean clearIfRepaired(MigrationSession session, Request.Resolved resolved, RevisionGraph graph,
			RunProgress progress) {
		if (resolved.repair() == null) {
			return false;
		}
		try {
			StartedRevision started = session.engine().startedRevision();
			if (started == null || !resolved.repair().id().sameRevisionAs(new RevisionId(started.revision()))) {
				return false;
			}
		}
		catch (SQLException ex) {
			return false;
		}
		progress.writing();
		try (MigrationLock lock = session.lock()) {
			return check(session, resolved, graph);
		}
	}

	static MigrationException interrupted(StartedRevision started, MigrationSession session, String table) {
		InterruptedRevision interrupted = describe(started, session.database(), table);
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
	 * @return the interrupted revision
	 */
	static InterruptedRevision describe(StartedRevision started, DatabaseInfo database, String table) {
		String revision = started.revision();
		int count = started.statementsStarted();
		String progress = (count == 0)
				? "no statement of it is known to have started (Java code and data loads run without this record)"
				: (count == 1) ? "its first statement had started and may or may not have completed"
						: (count - 1) + " of its statements completed and statement " + count
								+ " had started and may or may not have completed";
		String last = (started.lastStatement() != null)
				? " (statement " + count + ": " + oneLine(started.lastStatement()) + ")" : "";
		String description = "Revision " + revision + " (" + started.file() + ") was started "
				+ ((started.startedAt() != null) ? "at " + started.startedAt() + " " : "") + "by " + started.startedBy()
				+ " and never finished: a statement of it failed, or the process stopped inside it. On "
				+ database.product() + " each DDL statement commits at once, so part of the revision "
				+ "may be applied: " + progress + last + ". Its history rows were never written.";
		String action = "Look at what " + revision + " left in " + database.container() + ", then either: (1) complete "
				+ "the rest of " + revision + " by hand and record it as applied with the stamp command (stamp "
				+ revision + ", or migrations.stamp=" + revision + "); or (2) undo what ran of " + revision
				+ " by hand, then clear the marker with the repair command (repair " + revision
				+ ", or migrations.repair=" + revision + ") and start again: " + revision
				+ " then runs from its first statement. The marker is " + "the row in " + table + ".";
		Instant startedAt = (started.startedAt() != null)
				? started.startedAt().atZone(ZoneId.systemDefault()).toInstant() : null;
		return new InterruptedRevision(revision, started.file(), startedAt, started.startedBy(), count,
				started.lastStatement(), description, action);
	}

	private static String oneLine(String sql) {
		String text = sql.replaceAll("\\s+", " ").trim();
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
