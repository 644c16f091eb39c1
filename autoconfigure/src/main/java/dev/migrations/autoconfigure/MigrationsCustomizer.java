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

package dev.migrations.autoconfigure;

import dev.migrations.runner.MigrationSettings;

/**
 * Adjusts, in code, the settings of an auto-configured migrator after they were read from
 * the properties. Beans of this type are applied in their {@code @Order}, to the migrator
 * of each database.
 *
 * @author Migrations for Spring Boot contributors
 */
@FunctionalInterface
public interface MigrationsCustomizer {

	/**
	 * Adjust a migrator's settings.
	 * @param name the database's name: {@code migrator} for the single database, else the
	 * instance name of {@code migrations.instances.<name>}
	 * @param settings the settings so far
	 * @return the settings to use; {@code settings} itself to leave them as they are
	 */
	MigrationSettings customize(String name, MigrationSettings settings);

}
