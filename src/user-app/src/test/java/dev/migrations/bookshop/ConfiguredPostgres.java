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

package dev.migrations.bookshop;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * Points the application's own configuration at a PostgreSQL database, as a user's
 * application.properties does in production. Unlike {@code @DynamicPropertySource}, which
 * Spring Boot treats as a test database, a slice replaces this one with an embedded
 * database; the tests check that it stays empty.
 */
class ConfiguredPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The database the application is configured for. */
	static final TestDatabase DATABASE = TestDatabases.postgres();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("applicationDatabase", Map.of("spring.datasource.url", DATABASE.url(),
					"spring.datasource.username", DATABASE.user(), "spring.datasource.password", DATABASE.password())));
	}

}
