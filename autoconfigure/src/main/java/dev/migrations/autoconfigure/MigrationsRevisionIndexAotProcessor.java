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

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.ResourceHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.migrations.internal.revision.RevisionIndex;
import dev.migrations.internal.revision.RevisionScanner;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;

/**
 * At build time (Spring AOT), writes the {@link RevisionIndex} of each revision location
 * the application migrates from ({@code migrations.location}, or each
 * {@code migrations.instances.<name>.location}) and registers its files as resources, so
 * that a native image, which cannot list a classpath directory, finds them. Only for a
 * {@code classpath:} location; a {@code file:} location is read at runtime as always. The
 * directory of a {@code migrations.changelog} is registered as resources.
 *
 * @author Migrations for Spring Boot contributors
 */
class MigrationsRevisionIndexAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		boolean migrates = beanFactory.getBeanNamesForType(Migrator.class, true, false).length > 0
				|| beanFactory.getBeanNamesForType(Migrators.class, true, false).length > 0;
		if (!migrates || !beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return null;
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		MigrationsProperties properties = Binder.get(environment)
			.bindOrCreate("migrations", MigrationsProperties.class);
		// The top-level settings, or one set per database instance.
		Collection<MigrationsProperties> databases = properties.getInstances().isEmpty() ? List.of(properties)
				: properties.getInstances().values();
		Map<String, String> indexes = new LinkedHashMap<>();
		Set<String> resourcePatterns = new LinkedHashSet<>();
		RevisionScanner scanner = new RevisionScanner(
				new PathMatchingResourcePatternResolver(beanFactory.getBeanClassLoader()));
		for (MigrationsProperties database : databases) {
			if (database.getChangelog() != null) {
				String directory = changelogDirectory(database.getChangelog());
				if (directory != null) {
					resourcePatterns.add(directory + "**");
				}
				continue;
			}
			String location = database.getLocation();
			String directory = RevisionIndex.classpathDirectory(location);
			String indexPath = RevisionIndex.resourcePath(location);
			if (directory != null && indexPath != null && !indexes.containsKey(indexPath)) {
				indexes.put(indexPath, RevisionIndex.of(location, scanner).text());
				resourcePatterns.add(indexPath);
				resourcePatterns.add(directory + "*");
			}
		}
		if (resourcePatterns.isEmpty()) {
			return null;
		}
		return (GenerationContext generationContext, BeanFactoryInitializationCode code) -> {
			indexes.forEach(generationContext.getGeneratedFiles()::addResourceFile);
			ResourceHints resources = generationContext.getRuntimeHints().resources();
			resourcePatterns.forEach(resources::registerPattern);
		};
	}

	// A master changelog includes other files, usually beside it or below it: its whole
	// directory is registered.
	private static @Nullable String changelogDirectory(String changelog) {
		String path = RevisionIndex.classpathDirectory(changelog);
		if (path == null) {
			return null;
		}
		String file = path.substring(0, path.length() - 1);
		return file.substring(0, file.lastIndexOf('/') + 1);
	}

}
