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

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches Spring Boot's own Liquibase integration off by default while migrations are
 * enabled, so that Liquibase never runs twice on one database when
 * {@code spring-boot-liquibase} is on the classpath too. An explicit
 * {@code spring.liquibase.enabled=true} is left alone, and fails the start with a clear
 * message.
 *
 * @author Migrations for Spring Boot contributors
 */
class MigrationsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrationsDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean enabled = environment.getProperty("migrations.enabled", Boolean.class, true);
		if (enabled && !environment.containsProperty("spring.liquibase.enabled")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.liquibase.enabled", "false")));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
