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

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.Backup;
import dev.migrations.DatabaseInfo;
import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.engine.ChangeSetFailedException;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * The failures a user meets, worded once: what happened, where, the state left behind,
 * and the next step.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigrationFailures {

	private MigrationFailures() {
	}

	/**
	 * The migration connection cannot be opened: which database (without credentials),
	 * and the underlying cause in plain words (unknown host, refused, timeout,
	 * authentication).
	 * @param dataSource the data source
	 * @param ex the ex
	 * @return the migration exception
	 */
	static MigrationException cannotConnect(DataSource dataSource, SQLException ex) {
		String url = urlOf(dataSource);
		String cause = connectionCause(ex);
		String driver = (ex.getMessage() != null && !cause.contains(ex.getMessage().strip()))
				? " (" + ex.getMessage().strip() + ")" : "";
		return new MigrationException(
				"Cannot connect to the database " + ((url != null) ? url + " " : "") + "to migrate it: " + cause
						+ driver + ". Nothing was written.",
				"Check spring.datasource.url (or migrations.url), the user and password, and that the database "
						+ "is running and reachable from this host.",
				ex);
	}

	private static String connectionCause(SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return "unknown host " + cause.getMessage() + " (the host name does not resolve)";
			}
			if (cause instanceof ConnectException) {
				return "connection refused (" + cause.getMessage() + ")";
			}
			if (cause instanceof SocketTimeoutException) {
				return "connection timed out (" + cause.getMessage() + ")";
			}
		}
		if (state.startsWith("28")) {
			return "authentication failed: " + ex.getMessage();
		}
		if (state.equals("3D000")) {
			return "the database does not exist: " + ex.getMessage();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * The JDBC URL a data source connects to, without credentials, for the usual data
	 * source types; {@code null} when it cannot be told.
	 * @param dataSource the data source
	 * @return the string
	 */
	static @Nullable String urlOf(DataSource dataSource) {
		Object target = dataSource;
		if (target instanceof org.springframework.jdbc.datasource.DelegatingDataSource delegating
				&& delegating.getTargetDataSource() != null) {
			target = delegating.getTargetDataSource();
		}
		for (String getter : List.of("getJdbcUrl", "getUrl", "getURL")) {
			try {
				Method method = target.getClass().getMethod(getter);
				if (method.getReturnType() == String.class) {
					Object url = method.invoke(target);
					if (url instanceof String text && !text.isBlank()) {
						return DatabaseInfo.sanitize(text);
					}
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Not this getter: try the next one.
			}
		}
		return null;
	}

	static MigrationException unmanaged(MigrationStatus status, String historyTable, Request.Origin origin) {
		return new MigrationException(
				"The database " + status.database().url() + " has " + status.userTables() + " table(s) in "
						+ status.database().container() + " but no migration history (" + historyTable
						+ " is missing or empty). Migrating it would run CREATE TABLE over an existing schema, so "
						+ "nothing was written.",
				((origin == Request.Origin.PROPERTIES)
						? "If the schema matches a revision, set migrations.baseline.revision=<that revision> "
								+ "(revisions up to it are recorded as BASELINE, the rest applied), or "
								+ "migrations.stamp=<revision> to record revisions as applied without running them. "
								+ "If the database is the wrong one, fix spring.datasource.url."
						: "If the schema matches a revision, baseline it at that revision (revisions up to it are "
								+ "recorded as BASELINE), or stamp a revision to record revisions as applied without "
								+ "running them. If the database is the wrong one, fix the connection settings.")
						+ (status.historyTableExists() ? " The history table exists but is empty: a migrator started "
								+ "here before. If it was interrupted during the first revision (H2 and other databases "
								+ "commit DDL at once), do not baseline: drop what that revision created, or restore "
								+ "the backup, and restart." : ""));
	}

	static MigrationException checksumMismatch(List<ChecksumMismatch> mismatches, String historyTable) {
		ChecksumMismatch first = mismatches.get(0);
		return new MigrationException(
				"Revision " + first.revision() + " was edited after it was applied: " + first.file() + " (change set "
						+ first.changeset() + ") has checksum " + first.current() + ", the database recorded "
						+ first.recorded()
						+ ((mismatches.size() > 1) ? " (" + (mismatches.size() - 1) + " more edited change set(s))"
								: "")
						+ ". Nothing was written.",
				"Revert the edit of " + first.file() + " and put the change into a new revision. If the edit is "
						+ "intended and harmless (a comment), accept it: start once with migrations.repair="
						+ first.revision() + " (or call Migrator.repair(\"" + first.revision() + "\")), which records "
						+ "the file's current checksum in " + historyTable + ", logged with the old one.");
	}

	static MigrationException partial(RevisionStatus revision, String historyTable, Request.Origin origin) {
		return new MigrationException(
				"Revision " + revision.revision() + " (" + revision.file() + ") is half-applied: change sets "
						+ String.join(", ", revision.recordedChangesets()) + " are recorded, "
						+ String.join(", ", revision.missingChangesets()) + " are not. Nothing was written.",
				"Compare the database with " + revision.file() + ". If the missing change sets' changes are present, "
						+ "record them with " + origin.name("migrations.stamp=", "stamp ") + revision.revision()
						+ "; if not, delete the recorded " + "rows of revision " + revision.revision() + " from "
						+ historyTable + " after undoing their changes, and restart.");
	}

	static MigrationException outOfOrder(MigrationStatus status, List<RevisionStatus> outOfOrder, RevisionGraph graph) {
		StringBuilder description = new StringBuilder();
		for (RevisionStatus revision : outOfOrder) {
			description.append("Revision ")
				.append(revision.revision())
				.append(" (")
				.append(revision.file())
				.append(") is not recorded in ")
				.append(status.database().url())
				.append(", but revision(s) ")
				.append(String.join(", ", recordedAbove(status, revision, graph)))
				.append(" that follow it are: it would run out of order, after revisions whose changes it may not "
						+ "expect.\n");
		}
		RevisionStatus first = outOfOrder.get(0);
		String head = graph.heads().get(0).value();
		return new MigrationException(
				description + "The database is at revision " + Migrator.orBase(status.current())
						+ ". Nothing was written.",
				"Renumber " + first.revision() + " above the head " + head + " (rename " + fileName(first.file())
						+ " to a revision id after " + head + ", and point its down_revision header, if it has one, at "
						+ head + ") so that it follows the revisions already applied; or, if it does not depend on "
						+ "them, set migrations.out-of-order=true to apply it out of order (it is logged as such).");
	}

	/**
	 * The recorded revisions that follow a revision in the graph, oldest first.
	 * @param graph the graph
	 * @param revision the revision
	 * @param status the status
	 * @return the strings
	 */
	static List<String> recordedAbove(MigrationStatus status, RevisionStatus revision, RevisionGraph graph) {
		RevisionId id = new RevisionId(revision.revision());
		List<String> above = new ArrayList<>();
		for (RevisionStatus recorded : status.history()) {
			if (recorded.state().isRecorded() && RevisionId.isValid(recorded.revision())) {
				RevisionId recordedId = new RevisionId(recorded.revision());
				if (graph.contains(recordedId) && graph.upTo(recordedId).stream().anyMatch((r) -> r.id().equals(id))) {
					above.add(recorded.revision());
				}
			}
		}
		return above;
	}

	private static String fileName(@Nullable String file) {
		if (file == null) {
			return "its file";
		}
		return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf(':')) + 1);
	}

	static RunFailedException revisionFailed(Revision revision, ChangeSetFailedException ex, DatabaseInfo database,
			@Nullable String current, List<String> done, boolean downgrade, @Nullable Backup backup,
			RunProgress progress, boolean marked) {
		String lost = ConnectionLoss.reason(ex, null);
		if (lost != null) {
			return connectionLostInRevision(revision, ex, lost, database, current, done, downgrade, backup, progress);
		}
		if (ex.getLockWait() != null) {
			return lockWaitFailed(revision, ex, current, done, downgrade, backup, progress);
		}
		String verb = downgrade ? "Downgrading revision " : "Revision ";
		String leftState;
		if (ex.isRolledBack()) {
			leftState = "The revision was rolled back completely: the database is at revision "
					+ Migrator.orBase(current) + ".";
		}
		else {
			leftState = "The history records the database at revision " + Migrator.orBase(current) + ", but "
					+ database.product()
					+ " commits DDL immediately (or the change set ran outside a transaction), so statements of "
					+ revision.id() + " that ran before the failing one may remain in the database.";
		}
		String doneNow = done.isEmpty() ? "" : " Revisions " + (downgrade ? "reversed" : "applied")
				+ " by this run before the failure: " + String.join(", ", done) + ".";
		String backupText = (backup != null)
				? "\nBackup taken before this run: " + backup.file() + " (restore: " + backup.restoreCommand() + ")"
				: "";
		return new RunFailedException(
				verb + revision.label() + " (" + revision.file() + ") failed in change set " + ex.getChangeSet() + ".\n"
						+ ((ex.getStatement() != null) ? "Statement: " + ex.getStatement() + "\n" : "")
						+ "Database error: " + ex.getMessage() + "\n" + leftState + doneNow + backupText,
				"Fix " + revision.file() + " (it has not been " + (downgrade ? "un-recorded" : "recorded")
						+ ", so the corrected file runs on the next start)"
						// A marked downgrade's leftovers are the other way round: what it
						// removed.
						+ ((ex.isRolledBack() || (marked && downgrade)) ? ""
								: ", after removing what its statements left behind")
						+ ", then restart." + ((backup != null)
								? " To go back to the state before this run, restore " + backup.file() + "." : "")
						+ (marked ? markedText(revision, downgrade) : ""),
				ex, progress);
	}

	private static String markedText(Revision revision, boolean downgrade) {
		String id = revision.id().value();
		return downgrade
				? " " + id + " stays recorded and is marked as being reversed: until the reversal is "
						+ "resolved the next run refuses, naming the ways out (restore what the downgrade removed and "
						+ "repair " + id + ", or complete the reversal and stamp the revision below " + id + ")."
				: " " + id + " is marked as started: until it is resolved the next run refuses, naming the ways out "
						+ "(complete it and stamp " + id + ", or undo it and repair " + id + ").";
	}

	/**
	 * A revision could not get a lock within its lock timeout, retries included: another
	 * session holds it. The revision is not at fault, and was rolled back.
	 * @param ex the ex
	 * @param revision the revision
	 * @param backup the backup
	 * @param current the current
	 * @param done the done
	 * @param downgrade the downgrade
	 * @param progress the progress
	 * @return the run failed exception
	 */
	private static RunFailedException lockWaitFailed(Revision revision, ChangeSetFailedException ex,
			@Nullable String current, List<String> done, boolean downgrade, @Nullable Backup backup,
			RunProgress progress) {
		return new RunFailedException(
				(downgrade ? "Downgrading revision " : "Revision ") + revision.label() + " (" + revision.file()
						+ ") could not get the lock it needs: " + ex.getLockWait() + ".\n"
						+ ((ex.getStatement() != null) ? "Statement: " + ex.getStatement() + "\n" : "")
						+ "Each attempt was rolled back: nothing of " + revision.id()
						+ " was written, the database is unchanged at revision " + Migrator.orBase(current) + "."
						+ doneText(done, downgrade) + backupText(backup),
				"End or wait for the blocking session (a long transaction, or one left idle in transaction), then "
						+ "restart. If the revision must wait longer, give it a header '-- lock_timeout: 30s' or raise "
						+ "migrations.postgresql.lock-timeout / lock-retries.",
				ex, progress);
	}

	/**
	 * The server ended the migration session, or the network dropped it, while a revision
	 * ran: the file is not at fault, and the database is where the last committed
	 * revision left it.
	 * @param ex the ex
	 * @param revision the revision
	 * @param current the current
	 * @param database the database
	 * @param done the done
	 * @param downgrade the downgrade
	 * @param reason the reason
	 * @param backup the backup
	 * @param progress the progress
	 * @return the run failed exception
	 */
	private static RunFailedException connectionLostInRevision(Revision revision, ChangeSetFailedException ex,
			String reason, DatabaseInfo database, @Nullable String current, List<String> done, boolean downgrade,
			@Nullable Backup backup, RunProgress progress) {
		String leftState;
		if (ex.isRolledBack()) {
			leftState = "The server rolled back the revision's transaction with the session: the database is at revision "
					+ Migrator.orBase(current) + ", a revision boundary (each revision commits together with its "
					+ "history rows). If the connection was lost during the commit itself, " + revision.id()
					+ " may be recorded as well; the next start reads the history and goes on from there.";
		}
		else {
			leftState = "This is not a revision boundary: the history records the database at revision "
					+ Migrator.orBase(current) + " and " + revision.id() + " is not recorded, but "
					+ (database.isPostgres() ? "change set " + ex.getChangeSet()
							+ " ran outside a transaction ('-- transactional: "
							+ "false' or runInTransaction: false), so each of its statements committed as it ran"
							: database.product() + " commits DDL immediately")
					+ ": statements of " + revision.id() + " that ran before the connection was lost may remain in "
					+ "the database.";
		}
		return new RunFailedException(
				"The connection to the database " + database.url() + " was lost while "
						+ (downgrade ? "downgrading revision " : "revision ") + revision.label() + " ("
						+ revision.file() + ") ran, in change set " + ex.getChangeSet() + ": " + reason + ".\n"
						+ leftState + doneText(done, downgrade) + backupText(backup),
				"Nothing points at " + revision.file() + ": the server ended the session (pg_terminate_backend, a "
						+ "failover or restart, a server timeout) or the network dropped it. Restart once the database is "
						+ "reachable"
						+ (ex.isRolledBack() ? ""
								: ", after removing what the statements of " + revision.id() + " left behind (or "
										+ "making them safe to run again)")
						+ ": the next start resumes after revision " + Migrator.orBase(current) + ", with "
						+ (downgrade ? "the downgrade of " : "") + revision.id() + "." + ((backup != null)
								? " To go back to the state before this run, restore " + backup.file() + "." : ""),
				ex, progress);
	}

	/**
	 * The migration session was lost after the lock was taken but before any revision
	 * ran: while the backup was taken, creating the history table, or recording a
	 * baseline or stamp.
	 * @param database the database
	 * @param reason the reason
	 * @param backup the backup
	 * @param backups the backups
	 * @param current the current
	 * @param recorded the recorded
	 * @param cause the cause
	 * @param progress the progress
	 * @return the run failed exception
	 */
	static RunFailedException connectionLostBeforeRevisions(String reason, DatabaseInfo database,
			@Nullable String current, List<String> recorded, boolean backups, @Nullable Backup backup,
			RunProgress progress, Throwable cause) {
		String when = backups ? "while the backup was taken or just after, before any revision ran"
				: "before any revision ran";
		return new RunFailedException(
				"The connection to the database " + database.url() + " was lost " + when + ": " + reason
						+ ".\nThe database is at revision " + Migrator.orBase(current)
						+ (recorded.isEmpty() ? ", unchanged by this run."
								: " (recorded by this run without running: " + String.join(", ", recorded) + ").")
						+ backupText(backup),
				"The revision files are not at fault: the server ended the session (pg_terminate_backend, a failover "
						+ "or restart, a server timeout) or the network dropped it. Restart once the database is "
						+ "reachable: the next start takes the lock again" + (backups ? ", takes a new backup" : "")
						+ " and resumes after revision " + Migrator.orBase(current) + ".",
				cause, progress);
	}

	/**
	 * The migration session was lost while the run read the history.
	 * @param cause the cause
	 * @param database the database
	 * @param reason the reason
	 * @return the migration exception
	 */
	static MigrationException connectionLostReading(String reason, DatabaseInfo database, Throwable cause) {
		return new MigrationException(
				"The connection to the database " + database.url() + " was lost while reading the migration history: "
						+ reason + ". Nothing was written.",
				"The server ended the session (pg_terminate_backend, a failover or restart, a server timeout) or the "
						+ "network dropped it. Restart once the database is reachable.",
				cause);
	}

	private static String doneText(List<String> done, boolean downgrade) {
		return done.isEmpty() ? "" : " Revisions " + (downgrade ? "reversed" : "applied")
				+ " by this run before the failure: " + String.join(", ", done) + ".";
	}

	private static String backupText(@Nullable Backup backup) {
		return (backup != null)
				? "\nBackup taken before this run: " + backup.file() + " (restore: " + backup.restoreCommand() + ")"
				: "";
	}

}
