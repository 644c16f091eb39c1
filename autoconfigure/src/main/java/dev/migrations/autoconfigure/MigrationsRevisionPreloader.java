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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

import dev.migrations.internal.runner.PreloadedRevisionSource;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationMode;

/**
 * Starts reading the revision files on a background thread when the application context
 * is prepared, before its refresh, so that by the time the migration runs (during the
 * refresh) the files are usually read and checksummed already: those of the single
 * database, or of each instance of {@code migrations.instances}. Registered for every
 * {@code SpringApplication}; the auto-configuration uses a result only if it is for the
 * location it migrates from, and otherwise reads the files itself.
 *
 * @author Migrations for Spring Boot contributors
 */
class MigrationsRevisionPreloader implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** The name of the singleton that holds the preloaded revisions. */
	static final String BEAN_NAME = "migrationsRevisionPreload";

	// What the auto-configuration needs on the class path besides a DataSource.
	private static final String LIQUIBASE_CLASS = "liquibase.change.DatabaseChange";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!ClassUtils.isPresent(LIQUIBASE_CLASS, context.getClassLoader())) {
			return;
		}
		List<String> locations;
		try {
			locations = locations(Binder.get(context.getEnvironment()));
		}
		catch (RuntimeException ex) {
			// An invalid value: the auto-configuration reports it when it binds the
			// properties.
			return;
		}
		if (locations.isEmpty()) {
			return;
		}
		Map<String, PreloadedRevisionSource> sources = new LinkedHashMap<>();
		for (String location : locations) {
			sources.computeIfAbsent(location,
					(key) -> PreloadedRevisionSource.start(RevisionSource.directory(key, context)));
		}
		context.getBeanFactory().registerSingleton(BEAN_NAME, new RevisionPreload(sources));
		// The migration runs during the refresh: after it, whatever was not used is let
		// go.
		context.addApplicationListener((ApplicationEvent event) -> {
			if (event instanceof ContextRefreshedEvent) {
				sources.values().forEach(PreloadedRevisionSource::discard);
			}
		});
	}

	/**
	 * The revision directories migrated at startup: the single database's, or each
	 * instance's. For the single database only the four settings that decide are bound,
	 * not the whole of {@code migrations.*}: the auto-configuration binds that once, when
	 * it creates the migrator.
	 * @param binder the binder
	 * @return the strings
	 */
	private static List<String> locations(Binder binder) {
		List<String> locations = new ArrayList<>();
		MigrationsProperties defaults = new MigrationsProperties();
		if (!binder.bind("migrations.enabled", Boolean.class).orElse(defaults.isEnabled())) {
			return locations;
		}
		if (!MigrationsInstances.configured(binder)) {
			if (readsRevisionFiles(true, binder.bind("migrations.changelog", String.class).isBound(),
					binder.bind("migrations.mode", MigrationMode.class).orElse(defaults.getMode()))) {
				locations.add(binder.bind("migrations.location", String.class).orElse(defaults.getLocation()));
			}
			return locations;
		}
		MigrationsInstances.bind(binder).values().forEach((instance) -> {
			if (readsRevisionFiles(instance.isEnabled(), instance.getChangelog() != null, instance.getMode())) {
				locations.add(instance.getLocation());
			}
		});
		return locations;
	}

	/**
	 * Whether a database's migrator reads revision files at startup: it is enabled,
	 * migrates from a directory (not a Liquibase changelog) and runs at startup.
	 * @param changelog the changelog
	 * @param enabled the enabled
	 * @param mode the mode
	 * @return whether reads revision files
	 */
	private static boolean readsRevisionFiles(boolean enabled, boolean changelog, MigrationMode mode) {
		return enabled && !changelog && mode != MigrationMode.NONE;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Revisions being read in the background, by location.
	 *
	 * @param sources the sources that answer from the background reads, by location
	 */
	record RevisionPreload(Map<String, PreloadedRevisionSource> sources) {

		/**
		 * The revisions being read for a location.
		 * @param location the location
		 * @return the source, or {@code null} if that location is not being read
		 */
		@Nullable PreloadedRevisionSource source(String location) {
			return this.sources.get(location);
		}

	}

}
