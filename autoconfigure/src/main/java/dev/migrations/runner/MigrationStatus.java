package dev.migrations.runner;

import java.util.List;

import dev.migrations.engine.DatabaseInfo;
import org.jspecify.annotations.Nullable;

/**
 * Where a database stands: its state, current revision, what is pending for the target,
 * and its history.
 *
 * @param database the database, without credentials
 * @param state the database state
 * @param current the newest revision recorded, or {@code null}
 * @param heads the application's head revisions
 * @param target the target as configured ({@code head} or a revision id)
 * @param pending the revisions up to the target that are not recorded, in the order they
 * would run
 * @param history the recorded, partial and unknown revisions, oldest first
 * @param checksumMismatches applied change sets whose files were edited
 * @param userTables how many tables other than the history the schema holds
 * @param historyTableExists whether the history table exists (it may be empty)
 */
public record MigrationStatus(DatabaseInfo database, DatabaseState state, @Nullable String current, List<String> heads,
		String target, List<RevisionStatus> pending, List<RevisionStatus> history,
		List<ChecksumMismatch> checksumMismatches, int userTables, boolean historyTableExists) {

	/**
	 * The revisions that are recorded but unknown to the application.
	 * @return the unknown revisions
	 */
	public List<RevisionStatus> unknown() {
		return this.history.stream().filter((revision) -> revision.state() == RevisionState.UNKNOWN).toList();
	}

	/**
	 * The pending revisions that a recorded revision follows in the graph: applying them
	 * runs them out of order.
	 * @return the out-of-order revisions, in the order they would run
	 */
	public List<RevisionStatus> outOfOrder() {
		return this.pending.stream().filter(RevisionStatus::outOfOrder).toList();
	}

	/**
	 * The half-applied revisions.
	 * @return the partial revisions
	 */
	public List<RevisionStatus> partial() {
		return this.history.stream().filter((revision) -> revision.state() == RevisionState.PARTIAL).toList();
	}

}
