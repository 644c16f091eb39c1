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

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DriftReport;
import dev.migrations.MigrationException;

/**
 * What a migrator does about the schema around its startup run: adopt a database another
 * tool managed before it ({@code migrations.adopt}), check the schema for drift after it
 * ({@code migrations.drift.on-startup}), and which objects the drift check leaves out
 * ({@code migrations.drift.ignore}).
 *
 * @param adopt the tool to adopt a database from before migrating, or {@code null}
 * @param driftOnStartup whether to check the schema for drift after migrating at startup
 * @param driftIgnore patterns of objects the drift check leaves out: a name, a table, or
 * {@code table.name}; {@code *} matches any run of characters
 * @author Migrations for Spring Boot contributors
 */
public record SchemaChecks(@Nullable AdoptionSource adopt, DriftCheckMode driftOnStartup, List<String> driftIgnore) {

	private static final Logger logger = LoggerFactory.getLogger(SchemaChecks.class);

	/**
	 * Copy the patterns.
	 */
	public SchemaChecks {
		driftIgnore = List.copyOf(driftIgnore);
	}

	/**
	 * No adoption, no drift check at startup, nothing ignored.
	 * @return the checks
	 */
	public static SchemaChecks none() {
		return new SchemaChecks(null, DriftCheckMode.OFF, List.of());
	}

	/** Before the startup run: adopt, when the run may write (upgrade, not a dry run). */
	void beforeStartupRun(Migrator migrator) {
		MigrationSettings settings = migrator.settings();
		if (this.adopt != null && settings.mode() == MigrationMode.UPGRADE && settings.dryRunOutput() == null) {
			migrator.adoptAtStartup(this.adopt);
		}
	}

	/**
	 * After the startup run: the drift check, when asked for and the run did something
	 * (not mode none, no dry run).
	 */
	void afterStartupRun(Migrator migrator) {
		MigrationSettings settings = migrator.settings();
		if (this.driftOnStartup == DriftCheckMode.OFF || settings.mode() == MigrationMode.NONE
				|| settings.dryRunOutput() != null) {
			return;
		}
		DriftReport report = migrator.drift(this.driftIgnore);
		if (!report.hasDrift()) {
			logger.info(report.summary());
			return;
		}
		if (this.driftOnStartup == DriftCheckMode.FAIL) {
			throw new MigrationException(report.summary(),
					"Bring the schema back to what the revisions say (or write a revision for a change that should "
							+ "stay), list objects the application does not own in migrations.drift.ignore, or set "
							+ "migrations.drift.on-startup=warn.");
		}
		logger.warn(report.summary());
	}

}
