package dev.migrations.engine;

import org.jspecify.annotations.Nullable;

/**
 * A change set failed; the engine has rolled back what the database lets it roll back.
 */
public class ChangeSetFailedException extends RuntimeException {

	private final String changeSet;

	private final @Nullable String statement;

	private final boolean rolledBack;

	ChangeSetFailedException(String changeSet, @Nullable String statement, boolean rolledBack, Throwable cause) {
		super(rootMessage(cause), cause);
		this.changeSet = changeSet;
		this.statement = statement;
		this.rolledBack = rolledBack;
	}

	/**
	 * The failing change set, as {@code id::author}.
	 * @return the change set
	 */
	public String getChangeSet() {
		return this.changeSet;
	}

	/**
	 * The failing statement, if known.
	 * @return the statement
	 */
	public @Nullable String getStatement() {
		return this.statement;
	}

	/**
	 * Whether the whole revision was rolled back (PostgreSQL, transactional change sets).
	 * @return {@code true} if nothing of the revision stayed in the database
	 */
	public boolean isRolledBack() {
		return this.rolledBack;
	}

	static String rootMessage(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message.strip() : root.getClass().getSimpleName();
	}

}
