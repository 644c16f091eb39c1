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

package dev.migrations.internal.runner;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;
import dev.migrations.internal.engine.EngineSettings;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.runner.MigrationMode;
import dev.migrations.runner.Target;
import dev.migrations.runner.UnknownRevisionsAction;

/**
 * How a migrator behaves, independent of Spring's property binding.
 *
 * @param mode what to do at startup
 * @param target {@code head} or a revision id
 * @param stamp a revision to record as applied without running, or {@code null}
 * @param baselineRevision the revision an existing schema corresponds to, or {@code null}
 * @param baselineDescription a description of the baseline
 * @param allowDowngrade whether a target below the current revision downgrades
 * @param onUnknownRevisions what to do when the database is ahead of the application
 * @param lockTimeout how long to wait for another migrator
 * @param engine history table, schema, contexts and labels
 * @param dryRunOutput where to write the SQL an upgrade or downgrade would run, instead
 * of running it; or {@code null}
 * @param repair a revision whose history rows take its file's current checksum before the
 * run, or {@code null}
 * @param outOfOrder whether a pending revision that a recorded revision follows is
 * applied (and logged) instead of failing the run
 * @author Migrations for Spring Boot contributors
 */
public record MigrationSettings(MigrationMode mode, String target, @Nullable String stamp,
		@Nullable String baselineRevision, String baselineDescription, boolean allowDowngrade,
		UnknownRevisionsAction onUnknownRevisions, Duration lockTimeout, EngineSettings engine,
		@Nullable Path dryRunOutput, @Nullable String repair, boolean outOfOrder) {

	private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/**
	 * Validate the settings, so that a wrong value fails before anything connects.
	 * @throws MigrationException naming the property and the value
	 */
	public MigrationSettings {
		requireRevision("migrations.target", target, false);
		requireRevision("migrations.stamp", stamp, true);
		requireRevision("migrations.baseline.revision", baselineRevision, true);
		requireRevision("migrations.repair", repair, true);
		if (repair != null && RevisionGraph.HEAD.equalsIgnoreCase(repair.trim())) {
			throw invalid("migrations.repair", repair,
					"the id of the one revision whose edit is accepted, such as 005");
		}
		if (lockTimeout.isNegative()) {
			throw invalid("migrations.lock.timeout", lockTimeout.toString(), "a positive duration such as 5m or 30s");
		}
		if (!TABLE.matcher(engine.historyTable()).matches()) {
			throw invalid("migrations.history-table", engine.historyTable(),
					"a plain table name of letters, digits and '_'");
		}
		if (engine.defaultSchema() != null && !TABLE.matcher(engine.defaultSchema()).matches()) {
			throw invalid("migrations.default-schema", engine.defaultSchema(),
					"a plain schema name of letters, digits and '_'");
		}
	}

	/**
	 * These settings with another out-of-order permission.
	 * @param outOfOrder whether a pending revision that a recorded revision follows is
	 * applied
	 * @return the new settings
	 */
	public MigrationSettings withOutOfOrder(boolean outOfOrder) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine,
				this.dryRunOutput, this.repair, outOfOrder);
	}

	/**
	 * These settings with a revision to repair.
	 * @param repair the revision whose history rows take its file's current checksum, or
	 * {@code null}
	 * @return the new settings
	 */
	public MigrationSettings withRepair(@Nullable String repair) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine,
				this.dryRunOutput, repair, this.outOfOrder);
	}

	/**
	 * These settings with another mode.
	 * @param mode the mode
	 * @return the new settings
	 */
	public MigrationSettings withMode(MigrationMode mode) {
		return new MigrationSettings(mode, this.target, this.stamp, this.baselineRevision, this.baselineDescription,
				this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine, this.dryRunOutput,
				this.repair, this.outOfOrder);
	}

	/**
	 * These settings with another target.
	 * @param target {@code head} or a revision id
	 * @return the new settings
	 */
	public MigrationSettings withTarget(String target) {
		return new MigrationSettings(this.mode, target, this.stamp, this.baselineRevision, this.baselineDescription,
				this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine, this.dryRunOutput,
				this.repair, this.outOfOrder);
	}

	/**
	 * These settings with a stamp.
	 * @param stamp {@code head}, a revision id, or {@code null}
	 * @return the new settings
	 */
	public MigrationSettings withStamp(@Nullable String stamp) {
		return new MigrationSettings(this.mode, this.target, stamp, this.baselineRevision, this.baselineDescription,
				this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine, this.dryRunOutput,
				this.repair, this.outOfOrder);
	}

	/**
	 * These settings with a baseline.
	 * @param revision the baseline revision, or {@code null}
	 * @param description its description
	 * @return the new settings
	 */
	public MigrationSettings withBaseline(@Nullable String revision, String description) {
		return new MigrationSettings(this.mode, this.target, this.stamp, revision, description, this.allowDowngrade,
				this.onUnknownRevisions, this.lockTimeout, this.engine, this.dryRunOutput, this.repair,
				this.outOfOrder);
	}

	/**
	 * These settings with another reaction to unknown revisions.
	 * @param action the action
	 * @return the new settings
	 */
	public MigrationSettings withOnUnknownRevisions(UnknownRevisionsAction action) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, this.allowDowngrade, action, this.lockTimeout, this.engine, this.dryRunOutput,
				this.repair, this.outOfOrder);
	}

	/**
	 * These settings with another lock timeout.
	 * @param timeout the timeout
	 * @return the new settings
	 */
	public MigrationSettings withLockTimeout(Duration timeout) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, this.allowDowngrade, this.onUnknownRevisions, timeout, this.engine,
				this.dryRunOutput, this.repair, this.outOfOrder);
	}

	/**
	 * These settings with other engine settings.
	 * @param engine history table, schema, contexts and labels
	 * @return the new settings
	 */
	public MigrationSettings withEngine(EngineSettings engine) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, engine,
				this.dryRunOutput, this.repair, this.outOfOrder);
	}

	/**
	 * These settings with another downgrade permission.
	 * @param allowDowngrade whether a target below the current revision downgrades
	 * @return the new settings
	 */
	public MigrationSettings withAllowDowngrade(boolean allowDowngrade) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine,
				this.dryRunOutput, this.repair, this.outOfOrder);
	}

	/**
	 * These settings with a dry-run output file.
	 * @param dryRunOutput the file, or {@code null} to execute
	 * @return the new settings
	 */
	public MigrationSettings withDryRunOutput(@Nullable Path dryRunOutput) {
		return new MigrationSettings(this.mode, this.target, this.stamp, this.baselineRevision,
				this.baselineDescription, this.allowDowngrade, this.onUnknownRevisions, this.lockTimeout, this.engine,
				dryRunOutput, this.repair, this.outOfOrder);
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
	 * Defaults: upgrade to head, warn on unknown revisions, five minutes lock timeout.
	 * @return the default settings
	 */
	public static MigrationSettings defaults() {
		return new MigrationSettings(MigrationMode.UPGRADE, "head", null, null, "Baseline", false,
				UnknownRevisionsAction.WARN, Duration.ofMinutes(5),
				new EngineSettings(EngineSettings.DEFAULT_HISTORY_TABLE, null, null, null), null, null, false);
	}

}
