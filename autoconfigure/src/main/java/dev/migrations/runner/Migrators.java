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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationException;

/**
 * The migrators of an application by name, in the order they run at startup: one per
 * database. With one database there is one, named after its bean ({@code migrator}); with
 * {@code migrations.instances} there is one per instance, named after it. The endpoint,
 * health, metrics and commands find a database's migrator here.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class Migrators {

	private static final Logger logger = LoggerFactory.getLogger(Migrators.class);

	private static final Pattern INSTANCE_SETTING = Pattern
		.compile("(?<![\\w./\\-])migrations\\.(?!instances\\b|command\\b|output\\b|endpoint\\.)(?=[a-z])");

	private final Map<String, Migrator> migrators;

	/**
	 * Create the migrators.
	 * @param migrators the migrators by name, in run order
	 */
	public Migrators(Map<String, Migrator> migrators) {
		if (migrators.isEmpty()) {
			throw new IllegalArgumentException("At least one migrator is needed");
		}
		this.migrators = Collections.unmodifiableMap(new LinkedHashMap<>(migrators));
	}

	/**
	 * One migrator under a name.
	 * @param name the name
	 * @param migrator the migrator
	 * @return the migrators
	 */
	public static Migrators of(String name, Migrator migrator) {
		return new Migrators(Map.of(name, migrator));
	}

	/**
	 * The migrator of a database.
	 * @param name the instance name
	 * @return the migrator, or {@code null} if there is none by that name
	 */
	public @Nullable Migrator get(String name) {
		return this.migrators.get(name);
	}

	/**
	 * The names, in run order.
	 * @return the names
	 */
	public List<String> names() {
		return List.copyOf(this.migrators.keySet());
	}

	/**
	 * The migrators by name, in run order.
	 * @return an unmodifiable map
	 */
	public Map<String, Migrator> asMap() {
		return this.migrators;
	}

	/**
	 * How many databases there are.
	 * @return the number of migrators
	 */
	public int size() {
		return this.migrators.size();
	}

	/**
	 * The only migrator.
	 * @return the migrator
	 * @throws IllegalStateException if there are several
	 */
	public Migrator single() {
		if (this.migrators.size() != 1) {
			throw new IllegalStateException("There are " + this.migrators.size() + " migrators, not one: "
					+ String.join(", ", this.migrators.keySet()));
		}
		return this.migrators.values().iterator().next();
	}

	/**
	 * Run each migrator as its configuration says ({@link Migrator#migrate()}), one after
	 * the other in order. The first failure stops the run: the databases after it are not
	 * touched, and the failure names its instance.
	 * @throws MigrationException naming the instance that failed
	 */
	public void migrate() {
		int index = 0;
		for (Map.Entry<String, Migrator> entry : this.migrators.entrySet()) {
			index++;
			String name = entry.getKey();
			logger.info("Migrating database instance '{}' ({}/{})", name, index, this.migrators.size());
			try {
				entry.getValue().migrate();
			}
			catch (MigrationException ex) {
				List<String> untouched = names().subList(index, this.migrators.size());
				throw new MigrationException(
						"Database instance '" + name + "' (" + index + " of " + this.migrators.size() + "): "
								+ inSettingsOf(name, ex.getDescription())
								+ (untouched.isEmpty() ? ""
										: " The instances after it were not migrated: " + String.join(", ", untouched)
												+ "."),
						inSettingsOf(name, ex.getAction()) + " The settings of this database are under "
								+ "migrations.instances." + name + ".",
						ex);
			}
		}
	}

	/**
	 * A failure's text with every setting it names moved under the instance: an instance
	 * is configured by {@code migrations.instances.<name>.*}, and the top-level
	 * {@code migrations.*} database settings are ignored next to instances. Settings of
	 * the whole application ({@code command}, {@code output}, {@code endpoint.*}) stay.
	 * @param name the instance name
	 * @param text a failure's description or action
	 * @return the text naming the instance's settings
	 */
	public static String inSettingsOf(String name, String text) {
		return INSTANCE_SETTING.matcher(text).replaceAll("migrations.instances." + name + ".");
	}

	@Override
	public String toString() {
		return "Migrators" + this.migrators.keySet();
	}

}
