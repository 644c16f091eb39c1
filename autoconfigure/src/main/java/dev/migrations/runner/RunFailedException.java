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

import dev.migrations.MigrationException;

/**
 * A run that had started writing failed. It carries the run's report (revisions applied
 * before the failure, the backup taken), so that the last run keeps those facts.
 *
 * @author Migrations for Spring Boot contributors
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
