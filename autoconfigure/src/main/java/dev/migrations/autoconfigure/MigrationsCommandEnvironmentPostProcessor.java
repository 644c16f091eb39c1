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
 * Prepares a process that runs {@code migrations.command} instead of the application: no
 * web server, every bean lazy (only what the command needs is created: the data source
 * and the migrator), no banner and no startup information, and the console log on
 * standard error, so that standard output carries only the command's result.
 *
 * @author Migrations for Spring Boot contributors
 */
class MigrationsCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrationsCommand";

	static final String DEFAULTS_PROPERTY_SOURCE_NAME = "migrationsCommandDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String command = environment.getProperty("migrations.command");
		if (command == null || command.isBlank()) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.main.web-application-type", "none", "spring.main.lazy-initialization", "true")));
		environment.getPropertySources()
			.addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE_NAME,
					Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false")));
		// Logging is initialized after this post-processor: its console appender writes
		// to what System.out is then.
		System.setOut(System.err);
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded, like the other
		// post-processor.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
