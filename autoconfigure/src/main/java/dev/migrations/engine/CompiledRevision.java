package dev.migrations.engine;

import java.util.List;

import dev.migrations.revision.Revision;

/**
 * A revision with the change sets that apply to this database (after {@code dbms},
 * contexts and labels).
 *
 * @param revision the revision
 * @param changeSets its change sets, in order
 */
public record CompiledRevision(Revision revision, List<PlannedChangeSet> changeSets) {

	/**
	 * Whether all change sets run in the revision's single transaction.
	 * @return {@code true} unless a change set says {@code runInTransaction: false}
	 */
	public boolean transactional() {
		return this.changeSets.stream().allMatch(PlannedChangeSet::runInTransaction);
	}

}
