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

package dev.migrations.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;
import dev.migrations.internal.engine.EngineSettings;
import dev.migrations.internal.revision.Placeholders;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * How a migrator behaves, independent of Spring's property binding: the settings that the
 * {@code migrations.*} properties give and that a {@code MigrationsCustomizer} adjusts.
 * <p>
 * Immutable: start from {@link #defaults()} and make copies with the {@code with...}
 * methods. Every copy is validated, so that a wrong value fails before anything connects,
 * with a {@link MigrationException} naming the property and the value.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class MigrationSettings {

	private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final MigrationSettings DEFAULTS = new MigrationSettings(new Values());

	private final MigrationMode mode;

	private final String target;

	private final @Nullable String stamp;

	private final @Nullable String baselineRevision;

	private final String baselineDescription;

	private final boolean allowDowngrade;

	private final UnknownRevisionsAction onUnknownRevisions;

	private final Duration lockTimeout;

	private final String historyTable;

	private final @Nullable String defaultSchema;

	private final @Nullable String contexts;

	private final @Nullable String labels;

	private final Map<String, String> placeholders;

	private final boolean placeholdersInDollarQuotes;

	private final @Nullable Path dryRunOutput;

	private final @Nullable String repair;

	private final boolean outOfOrder;

	// What the engine is given, built once from the settings above.
	private final EngineSettings engine;

	private MigrationSettings(Values values) {
		requireRevision("migrations.target", values.target, false);
		requireRevision("migrations.stamp", values.stamp, true);
		requireRevision("migrations.baseline.revision", values.baselineRevision, true);
		requireRevision("migrations.repair", values.repair, true);
		if (values.repair != null && RevisionGraph.HEAD.equalsIgnoreCase(values.repair.trim())) {
			throw invalid("migrations.repair", values.repair,
					"the id of the one revision whose edit is accepted, such as 005");
		}
		if (values.lockTimeout.isNegative()) {
			throw invalid("migrations.lock.timeout", values.lockTimeout.toString(),
					"a positive duration such as 5m or 30s");
		}
		if (!TABLE.matcher(values.historyTable).matches()) {
			throw invalid("migrations.history-table", values.historyTable,
					"a plain table name of letters, digits and '_'");
		}
		if (values.defaultSchema != null && !TABLE.matcher(values.defaultSchema).matches()) {
			throw invalid("migrations.default-schema", values.defaultSchema,
					"a plain schema name of letters, digits and '_'");
		}
		this.mode = values.mode;
		this.target = values.target;
		this.stamp = values.stamp;
		this.baselineRevision = values.baselineRevision;
		this.baselineDescription = values.baselineDescription;
		this.allowDowngrade = values.allowDowngrade;
		this.onUnknownRevisions = values.onUnknownRevisions;
		this.lockTimeout = values.lockTimeout;
		this.historyTable = values.historyTable;
		this.defaultSchema = values.defaultSchema;
		this.contexts = values.contexts;
		this.labels = values.labels;
		this.placeholders = Collections.unmodifiableMap(new TreeMap<>(values.placeholders));
		this.placeholdersInDollarQuotes = values.placeholdersInDollarQuotes;
		this.dryRunOutput = values.dryRunOutput;
		this.repair = values.repair;
		this.outOfOrder = values.outOfOrder;
		this.engine = new EngineSettings(this.historyTable, this.defaultSchema, this.contexts, this.labels,
				new Placeholders(this.placeholders, this.placeholdersInDollarQuotes));
	}

	/**
	 * The defaults: upgrade to head, warn on unknown revisions, five minutes lock
	 * timeout, history in {@code DATABASECHANGELOG} in the connection's schema, all
	 * contexts and labels, no placeholders.
	 * @return the default settings
	 */
	public static MigrationSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * What to do at startup ({@code migrations.mode}).
	 * @return the mode
	 */
	public MigrationMode mode() {
		return this.mode;
	}

	/**
	 * These settings with another mode.
	 * @param mode the mode
	 * @return the new settings
	 */
	public MigrationSettings withMode(MigrationMode mode) {
		return copy((values) -> values.mode = mode);
	}

	/**
	 * The revision to migrate to ({@code migrations.target}).
	 * @return {@code head} or a revision id
	 */
	public String target() {
		return this.target;
	}

	/**
	 * These settings with another target.
	 * @param target {@code head} or a revision id
	 * @return the new settings
	 */
	public MigrationSettings withTarget(String target) {
		return copy((values) -> values.target = target);
	}

	/**
	 * A revision to record as applied without running ({@code migrations.stamp}).
	 * @return {@code head}, a revision id, or {@code null}
	 */
	public @Nullable String stamp() {
		return this.stamp;
	}

	/**
	 * These settings with a stamp.
	 * @param stamp {@code head}, a revision id, or {@code null}
	 * @return the new settings
	 */
	public MigrationSettings withStamp(@Nullable String stamp) {
		return copy((values) -> values.stamp = stamp);
	}

	/**
	 * The revision an existing schema corresponds to
	 * ({@code migrations.baseline.revision}).
	 * @return the revision, or {@code null}
	 */
	public @Nullable String baselineRevision() {
		return this.baselineRevision;
	}

	/**
	 * The description of the baseline ({@code migrations.baseline.description}).
	 * @return the description
	 */
	public String baselineDescription() {
		return this.baselineDescription;
	}

	/**
	 * These settings with a baseline.
	 * @param revision the baseline revision, or {@code null}
	 * @param description its description
	 * @return the new settings
	 */
	public MigrationSettings withBaseline(@Nullable String revision, String description) {
		return copy((values) -> {
			values.baselineRevision = revision;
			values.baselineDescription = description;
		});
	}

	/**
	 * Whether a target below the current revision downgrades
	 * ({@code migrations.allow-downgrade}).
	 * @return {@code true} if it does
	 */
	public boolean allowDowngrade() {
		return this.allowDowngrade;
	}

	/**
	 * These settings with another downgrade permission.
	 * @param allowDowngrade whether a target below the current revision downgrades
	 * @return the new settings
	 */
	public MigrationSettings withAllowDowngrade(boolean allowDowngrade) {
		return copy((values) -> values.allowDowngrade = allowDowngrade);
	}

	/**
	 * What to do when the database is ahead of the application
	 * ({@code migrations.on-unknown-revisions}).
	 * @return the action
	 */
	public UnknownRevisionsAction onUnknownRevisions() {
		return this.onUnknownRevisions;
	}

	/**
	 * These settings with another reaction to unknown revisions.
	 * @param action the action
	 * @return the new settings
	 */
	public MigrationSettings withOnUnknownRevisions(UnknownRevisionsAction action) {
		return copy((values) -> values.onUnknownRevisions = action);
	}

	/**
	 * How long to wait for another migrator ({@code migrations.lock.timeout}).
	 * @return the timeout
	 */
	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * These settings with another lock timeout.
	 * @param timeout the timeout
	 * @return the new settings
	 */
	public MigrationSettings withLockTimeout(Duration timeout) {
		return copy((values) -> values.lockTimeout = timeout);
	}

	/**
	 * The history table ({@code migrations.history-table}).
	 * @return the table name, {@code DATABASECHANGELOG} by default
	 */
	public String historyTable() {
		return this.historyTable;
	}

	/**
	 * These settings with another history table.
	 * @param historyTable a plain table name of letters, digits and '_'
	 * @return the new settings
	 */
	public MigrationSettings withHistoryTable(String historyTable) {
		return copy((values) -> values.historyTable = historyTable);
	}

	/**
	 * The schema to migrate and keep the history in ({@code migrations.default-schema}).
	 * @return the schema, or {@code null} for the connection's
	 */
	public @Nullable String defaultSchema() {
		return this.defaultSchema;
	}

	/**
	 * These settings with another default schema.
	 * @param defaultSchema a plain schema name of letters, digits and '_', or
	 * {@code null} for the connection's
	 * @return the new settings
	 */
	public MigrationSettings withDefaultSchema(@Nullable String defaultSchema) {
		return copy((values) -> values.defaultSchema = defaultSchema);
	}

	/**
	 * The Liquibase contexts to select change sets by ({@code migrations.contexts}).
	 * @return the contexts, or {@code null} for all
	 */
	public @Nullable String contexts() {
		return this.contexts;
	}

	/**
	 * These settings with other Liquibase contexts.
	 * @param contexts the contexts, or {@code null} for all
	 * @return the new settings
	 */
	public MigrationSettings withContexts(@Nullable String contexts) {
		return copy((values) -> values.contexts = contexts);
	}

	/**
	 * The Liquibase label expression to select change sets by
	 * ({@code migrations.labels}).
	 * @return the label expression, or {@code null} for all
	 */
	public @Nullable String labels() {
		return this.labels;
	}

	/**
	 * These settings with another Liquibase label expression.
	 * @param labels the label expression, or {@code null} for all
	 * @return the new settings
	 */
	public MigrationSettings withLabels(@Nullable String labels) {
		return copy((values) -> values.labels = labels);
	}

	/**
	 * The values of the {@code ${name}} placeholders of plain SQL revisions, also passed
	 * to changelog revisions as Liquibase changelog parameters
	 * ({@code migrations.placeholders}).
	 * @return the values by name, sorted by name; unmodifiable
	 */
	public Map<String, String> placeholders() {
		return this.placeholders;
	}

	/**
	 * These settings with other placeholder values, replacing all of the current ones.
	 * @param placeholders the value of each placeholder, by name
	 * @return the new settings
	 */
	public MigrationSettings withPlaceholders(Map<String, String> placeholders) {
		return copy((values) -> values.placeholders = placeholders);
	}

	/**
	 * Whether placeholders are also replaced inside dollar-quoted bodies of plain SQL
	 * revisions ({@code migrations.placeholders-in-dollar-quotes}).
	 * @return {@code true} if they are
	 */
	public boolean placeholdersInDollarQuotes() {
		return this.placeholdersInDollarQuotes;
	}

	/**
	 * These settings with placeholders replaced, or not, inside dollar-quoted bodies.
	 * @param placeholdersInDollarQuotes whether placeholders inside dollar-quoted bodies
	 * are replaced too
	 * @return the new settings
	 */
	public MigrationSettings withPlaceholdersInDollarQuotes(boolean placeholdersInDollarQuotes) {
		return copy((values) -> values.placeholdersInDollarQuotes = placeholdersInDollarQuotes);
	}

	/**
	 * Where to write the SQL an upgrade or downgrade would run, instead of running it
	 * ({@code migrations.dry-run-output}).
	 * @return the file, or {@code null} to execute
	 */
	public @Nullable Path dryRunOutput() {
		return this.dryRunOutput;
	}

	/**
	 * These settings with a dry-run output file.
	 * @param dryRunOutput the file, or {@code null} to execute
	 * @return the new settings
	 */
	public MigrationSettings withDryRunOutput(@Nullable Path dryRunOutput) {
		return copy((values) -> values.dryRunOutput = dryRunOutput);
	}

	/**
	 * A revision whose history rows take its file's current checksum before the run
	 * ({@code migrations.repair}).
	 * @return the revision id, or {@code null}
	 */
	public @Nullable String repair() {
		return this.repair;
	}

	/**
	 * These settings with a revision to repair.
	 * @param repair the revision whose history rows take its file's current checksum, or
	 * {@code null}
	 * @return the new settings
	 */
	public MigrationSettings withRepair(@Nullable String repair) {
		return copy((values) -> values.repair = repair);
	}

	/**
	 * Whether a pending revision that a recorded revision follows is applied (and logged)
	 * instead of failing the run ({@code migrations.out-of-order}).
	 * @return {@code true} if it is applied
	 */
	public boolean outOfOrder() {
		return this.outOfOrder;
	}

	/**
	 * These settings with another out-of-order permission.
	 * @param outOfOrder whether a pending revision that a recorded revision follows is
	 * applied
	 * @return the new settings
	 */
	public MigrationSettings withOutOfOrder(boolean outOfOrder) {
		return copy((values) -> values.outOfOrder = outOfOrder);
	}

	/**
	 * What the engine is given: history table, schema, contexts, labels and placeholders.
	 * @return the engine's settings
	 */
	EngineSettings engine() {
		return this.engine;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof MigrationSettings that)) {
			return false;
		}
		return this.mode == that.mode && Objects.equals(this.target, that.target)
				&& Objects.equals(this.stamp, that.stamp)
				&& Objects.equals(this.baselineRevision, that.baselineRevision)
				&& Objects.equals(this.baselineDescription, that.baselineDescription)
				&& this.allowDowngrade == that.allowDowngrade && this.onUnknownRevisions == that.onUnknownRevisions
				&& Objects.equals(this.lockTimeout, that.lockTimeout)
				&& Objects.equals(this.historyTable, that.historyTable)
				&& Objects.equals(this.defaultSchema, that.defaultSchema)
				&& Objects.equals(this.contexts, that.contexts) && Objects.equals(this.labels, that.labels)
				&& Objects.equals(this.placeholders, that.placeholders)
				&& this.placeholdersInDollarQuotes == that.placeholdersInDollarQuotes
				&& Objects.equals(this.dryRunOutput, that.dryRunOutput) && Objects.equals(this.repair, that.repair)
				&& this.outOfOrder == that.outOfOrder;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.mode, this.target, this.stamp, this.baselineRevision, this.baselineDescription,
				this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.historyTable, this.defaultSchema,
				this.contexts, this.labels, this.placeholders, this.placeholdersInDollarQuotes, this.dryRunOutput,
				this.repair, this.outOfOrder);
	}

	/**
	 * The settings, with the names of the placeholders but not their values, which may be
	 * secrets.
	 * @return the settings as text
	 */
	@Override
	public String toString() {
		return "MigrationSettings[mode=" + this.mode + ", target=" + this.target + ", stamp=" + this.stamp
				+ ", baselineRevision=" + this.baselineRevision + ", baselineDescription=" + this.baselineDescription
				+ ", allowDowngrade=" + this.allowDowngrade + ", onUnknownRevisions=" + this.onUnknownRevisions
				+ ", lockTimeout=" + this.lockTimeout + ", historyTable=" + this.historyTable + ", defaultSchema="
				+ this.defaultSchema + ", contexts=" + this.contexts + ", labels=" + this.labels + ", placeholders="
				+ this.placeholders.keySet() + ", placeholdersInDollarQuotes=" + this.placeholdersInDollarQuotes
				+ ", dryRunOutput=" + this.dryRunOutput + ", repair=" + this.repair + ", outOfOrder=" + this.outOfOrder
				+ "]";
	}

	private MigrationSettings copy(Consumer<Values> change) {
		Values values = new Values(this);
		change.accept(values);
		return new MigrationSettings(values);
	}

	private static void requireRevision(String property, @Nullable String value, boolean optional) {
		if (value == null && optional) {
			return;
		}
		// The one parser of targets; 'base' is for an explicit downgrade only, never a
		// standing setting.
		boolean valid;
		try {
			valid = value != null && !Target.of(value).isBase();
		}
		catch (IllegalArgumentException ex) {
			valid = false;
		}
		if (!valid) {
			throw invalid(property, String.valueOf(value), "'head' or a revision id such as 018");
		}
	}

	private static MigrationException invalid(String property, String value, String expected) {
		return new MigrationException("Invalid value '" + value + "' for " + property + ". Nothing was written.",
				"Set " + property + " to " + expected + ".");
	}

	/**
	 * The values of a copy in the making, the defaults to start with.
	 */
	private static final class Values {

		MigrationMode mode = MigrationMode.UPGRADE;

		String target = "head";

		@Nullable String stamp;

		@Nullable String baselineRevision;

		String baselineDescription = "Baseline";

		boolean allowDowngrade;

		UnknownRevisionsAction onUnknownRevisions = UnknownRevisionsAction.WARN;

		Duration lockTimeout = Duration.ofMinutes(5);

		String historyTable = EngineSettings.DEFAULT_HISTORY_TABLE;

		@Nullable String defaultSchema;

		@Nullable String contexts;

		@Nullable String labels;

		Map<String, String> placeholders = Map.of();

		boolean placeholdersInDollarQuotes;

		@Nullable Path dryRunOutput;

		@Nullable String repair;

		boolean outOfOrder;

		Values() {
		}

		Values(MigrationSettings settings) {
			this.mode = settings.mode;
			this.target = settings.target;
			this.stamp = settings.stamp;
			this.baselineRevision = settings.baselineRevision;
			this.baselineDescription = settings.baselineDescription;
			this.allowDowngrade = settings.allowDowngrade;
			this.onUnknownRevisions = settings.onUnknownRevisions;
			this.lockTimeout = settings.lockTimeout;
			this.historyTable = settings.historyTable;
			this.defaultSchema = settings.defaultSchema;
			this.contexts = settings.contexts;
			this.labels = settings.labels;
			this.placeholders = settings.placeholders;
			this.placeholdersInDollarQuotes = settings.placeholdersInDollarQuotes;
			this.dryRunOutput = settings.dryRunOutput;
			this.repair = settings.repair;
			this.outOfOrder = settings.outOfOrder;
		}

	}

}
