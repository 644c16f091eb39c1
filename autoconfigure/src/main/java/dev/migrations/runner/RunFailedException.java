package dev.migrations.runner;

import dev.migrations.MigrationException;

/**
 * A run that had started writing failed. It carries what the run did before the failure (revisions applied,
 * the backup taken), so that the run report keeps those facts.
 */
public class RunFailedException extends MigrationException {

	private final transient MigrationSession.RunOutcome outcome;

	RunFailedException(String description, String action, Throwable cause, MigrationSession.RunOutcome outcome) {
		super(description, action, cause);
		this.outcome = outcome;
	}

	MigrationSession.RunOutcome outcome() {
		return this.outcome;
	}

}
