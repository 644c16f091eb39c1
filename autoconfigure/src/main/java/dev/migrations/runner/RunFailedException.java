package dev.migrations.runner;

import dev.migrations.MigrationException;

/**
 * A run that had started writing failed. It carries the run's report (revisions applied
 * before the failure, the backup taken), so that the last run keeps those facts.
 */
public class RunFailedException extends MigrationException {

	private final transient RunReport report;

	RunFailedException(String description, String action, Throwable cause, RunProgress progress) {
		super(description, action, cause);
		this.report = progress.report(RunReport.Outcome.FAILED, description);
	}

	/**
	 * The report of the failed run.
	 * @return the report, with outcome {@code FAILED}
	 */
	public RunReport report() {
		return this.report;
	}

}
