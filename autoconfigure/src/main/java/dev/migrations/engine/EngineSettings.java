package dev.migrations.engine;

import org.jspecify.annotations.Nullable;

/**
 * How the engine reads and writes the history, and which change sets it selects.
 *
 * @param historyTable the history table, {@code DATABASECHANGELOG} by default
 * @param defaultSchema the schema to migrate and keep the history in; the connection's schema if {@code null}
 * @param contexts Liquibase contexts to select change sets by, or {@code null} for all
 * @param labels Liquibase label expression to select change sets by, or {@code null} for all
 */
public record EngineSettings(String historyTable, @Nullable String defaultSchema, @Nullable String contexts,
		@Nullable String labels) {

	/** The name of Liquibase's history table. */
	public static final String DEFAULT_HISTORY_TABLE = "DATABASECHANGELOG";

	/**
	 * The name of the Liquibase lock table that goes with the history table.
	 * @return the lock table name
	 */
	public String lockTable() {
		return this.historyTable + "LOCK";
	}

}
