package dev.migrations.engine;

import dev.migrations.revision.Placeholders;
import org.jspecify.annotations.Nullable;

/**
 * How the engine reads and writes the history, and which change sets it selects.
 *
 * @param historyTable the history table, {@code DATABASECHANGELOG} by default
 * @param defaultSchema the schema to migrate and keep the history in; the connection's
 * schema if {@code null}
 * @param contexts Liquibase contexts to select change sets by, or {@code null} for all
 * @param labels Liquibase label expression to select change sets by, or {@code null} for
 * all
 * @param placeholders the values of {@code ${name}} placeholders in plain SQL revisions,
 * also passed to changelog revisions as Liquibase changelog parameters
 */
public record EngineSettings(String historyTable, @Nullable String defaultSchema, @Nullable String contexts,
		@Nullable String labels, Placeholders placeholders) {

	/**
	 * Settings without placeholder values.
	 * @param historyTable the history table
	 * @param defaultSchema the schema to migrate, or {@code null} for the connection's
	 * @param contexts Liquibase contexts, or {@code null} for all
	 * @param labels Liquibase label expression, or {@code null} for all
	 */
	public EngineSettings(String historyTable, @Nullable String defaultSchema, @Nullable String contexts,
			@Nullable String labels) {
		this(historyTable, defaultSchema, contexts, labels, Placeholders.NONE);
	}

	/** The name of Liquibase's history table. */
	public static final String DEFAULT_HISTORY_TABLE = "DATABASECHANGELOG";

	/**
	 * The name of the Liquibase lock table that goes with the history table.
	 * @return the lock table name
	 */
	public String lockTable() {
		return this.historyTable + "LOCK";
	}

	/**
	 * The name of the table that marks a revision as started until its history rows are
	 * written, on databases whose DDL commits at once (MariaDB, MySQL, H2).
	 * @return the started-revision table name
	 */
	public String startedTable() {
		return this.historyTable + "_STARTED";
	}

}
