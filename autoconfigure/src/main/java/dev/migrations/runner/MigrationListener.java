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

/**
 * Told about every run of a {@link Migrator}, successful or not: the startup run, and
 * upgrades, downgrades, stamps and validations requested later. Health and metrics use it
 * to keep up with runs they did not start.
 *
 * @author Migrations for Spring Boot contributors
 */
@FunctionalInterface
public interface MigrationListener {

	/**
	 * Called after a run, on the thread that ran it. An exception thrown here is logged
	 * and otherwise ignored.
	 * @param migrator the migrator that ran
	 * @param report what the run did
	 */
	void onRun(Migrator migrator, RunReport report);

}
