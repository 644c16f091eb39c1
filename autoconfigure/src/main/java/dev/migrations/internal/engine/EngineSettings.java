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

package dev.migrations.internal.engine;

import org.jspecify.annotations.Nullable;

import dev.migrations.internal.revision.Placeholders;

/**
 * How the engine reads and writes the history, and which change sets it selects. Built by
 * {@code MigrationSettings} from its public values, which are validated there.
 *
 * @param historyTable the history table, {@code DATABASECHANGELOG} by default
 * @param defaultSchema the schema to migrate and keep the history in; the connection's
 * schema if {@code null}
 * @param contexts the Liquibase contexts to select change sets by, or {@code null} for
 * all
 * @param labels the Liquibase label expression to select change sets by, or {@code null}
 * for all
 * @param placeholders the values of {@code ${name}} placeholders in plain SQL revisions,
 * also passed to changelog revisions as Liquibase changelog parameters
 * @author Migrations for Spring Boot contributors
 */
public record EngineSettings(String historyTable, @Nullable String defaultSchema, @Nullable String contexts,
		@Nullable String labels, Placeholders placeholders) {

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
