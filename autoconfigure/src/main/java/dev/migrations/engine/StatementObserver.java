package dev.migrations.engine;

/**
 * Told about each statement a measuring {@link RevisionExecutor} has just executed, while
 * the revision's transaction is still open: what it locked can be read then.
 */
@FunctionalInterface
public interface StatementObserver {

	/**
	 * A revision's transaction has begun, before its first statement.
	 * @throws java.sql.SQLException if the state before it cannot be read
	 */
	default void beginning() throws java.sql.SQLException {
	}

	/**
	 * A statement has been executed.
	 * @param statement the statement's text
	 * @throws java.sql.SQLException if what it did cannot be read
	 */
	void executed(String statement) throws java.sql.SQLException;

}
