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

import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.test.TestDatabase;

/**
 * Migrators built by hand, as an application that defines its own would.
 */
final class TestMigrators {

	private TestMigrators() {
	}

	static Migrator migrator(TestDatabase db, String location) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(db.dataSource(), RevisionSource.directory(location, loader), MigrationSettings.defaults(),
				loader);
	}

}
