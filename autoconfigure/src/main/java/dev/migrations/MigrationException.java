package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * A failure that a user has to act on. It carries what happened, and the action that
 * resolves it, so that Spring Boot's failure analysis can print both.
 */
public class MigrationException extends RuntimeException {

	private final String action;

	/**
	 * Create a new exception.
	 * @param description what happened, and where: revision, file, change set, statement
	 * @param action the exact next step
	 */
	public MigrationException(String description, String action) {
		this(description, action, null);
	}

	/**
	 * Create a new exception.
	 * @param description what happened, and where: revision, file, change set, statement
	 * @param action the exact next step
	 * @param cause the underlying error
	 */
	public MigrationException(String description, String action, @Nullable Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * What happened.
	 * @return the description
	 */
	public String getDescription() {
		return getMessage();
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
