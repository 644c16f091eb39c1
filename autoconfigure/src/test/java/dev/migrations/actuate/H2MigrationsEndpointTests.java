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

package dev.migrations.actuate;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

class H2MigrationsEndpointTests extends AbstractMigrationsEndpointTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.h2();
	}

	@Override
	String createUserWithPassword(String user, String password) {
		this.db.jdbc().execute("CREATE USER " + user + " PASSWORD '" + password + "' ADMIN");
		return this.db.url() + ";USER=" + user + ";PASSWORD=" + password;
	}

	@Override
	AutoCloseable holdMigrationLock() {
		// Liquibase's table lock, as another instance holds it while it migrates.
		this.db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
					+ "LOCKEDBY = 'another instance' WHERE ID = 1");
		return () -> this.db.jdbc()
			.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL "
					+ "WHERE ID = 1");
	}

}
