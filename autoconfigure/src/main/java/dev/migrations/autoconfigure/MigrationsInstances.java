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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

import dev.migrations.MigrationException;

/**
 * The database instances of {@code migrations.instances}, bound with their defaults and
 * in run order.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigrationsInstances {

	static final String PREFIX = "migrations.instances";

	private static final Logger logger = LoggerFactory.getLogger(MigrationsInstances.class);

	// The top-level settings that describe one database, and so mean nothing next to
	// instances.
	private static final List<String> DATABASE_SETTINGS = List.of("location", "changelog", "mode", "target", "stamp",
			"baseline.revision", "allow-downgrade", "history-table", "default-schema", "url", "user", "password",
			"data-source", "dry-run-output", "adopt");

	private MigrationsInstances() {
	}

	/**
	 * Whether any instance is configured.
	 * @param binder the binder of the environment
	 * @return {@code true} if {@code migrations.instances} has an entry
	 */
	static boolean configured(Binder binder) {
		return !names(binder).isEmpty();
	}

	/**
	 * The instances in run order: by {@code order}, then by name. Each has the defaults
	 * of the top-level properties, except its location,
	 * {@code classpath:db/migrations/<name>/}.
	 * @param binder the binder of the environment
	 * @return the instances' properties by name
	 */
	static Map<String, MigrationsProperties> bind(Binder binder) {
		Map<String, MigrationsProperties> instances = new LinkedHashMap<>();
		for (String name : names(binder).keySet()) {
			MigrationsProperties instance = new MigrationsProperties();
			instance.setLocation(defaultLocation(name));
			binder.bind(prefix(name), Bindable.ofInstance(instance));
			if (!instance.getInstances().isEmpty()) {
				throw new MigrationException(
						"Database instance '" + name + "' has instances of its own (" + prefix(name)
								+ ".instances). Nothing was written.",
						"Declare every database directly under " + PREFIX + ".");
			}
			instances.put(name, instance);
		}
		Map<String, MigrationsProperties> ordered = new LinkedHashMap<>();
		instances.entrySet()
			.stream()
			.sorted(Comparator
				.comparingInt((Map.Entry<String, MigrationsProperties> entry) -> entry.getValue().getOrder())
				.thenComparing(Map.Entry::getKey))
			.forEach((entry) -> ordered.put(entry.getKey(), entry.getValue()));
		return ordered;
	}

	/**
	 * Log a warning for each top-level database setting, which instances do not use.
	 * @param binder the binder of the environment
	 */
	static void warnAboutUnusedSettings(Binder binder) {
		List<String> unused = DATABASE_SETTINGS.stream()
			.map((setting) -> "migrations." + setting)
			.filter((property) -> binder.bind(property, Bindable.of(String.class)).isBound())
			.toList();
		if (!unused.isEmpty()) {
			logger.warn("{} set next to {}: not used, every database is configured by its instance. Move them under "
					+ "{}.<name>.", String.join(", ", unused), PREFIX, PREFIX);
		}
	}

	static String prefix(String name) {
		return PREFIX + "." + name;
	}

	static String defaultLocation(String name) {
		return "classpath:db/migrations/" + name + "/";
	}

	private static Map<String, MigrationsProperties> names(Binder binder) {
		return binder.bind(PREFIX, Bindable.mapOf(String.class, MigrationsProperties.class)).orElseGet(Map::of);
	}

}
