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

package dev.migrations.internal.runner;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.util.ClassUtils;

import dev.migrations.JavaRevision;
import dev.migrations.internal.engine.MigrationEngine;
import dev.migrations.internal.revision.ClasspathRevisionFiles;
import dev.migrations.internal.revision.JavaRevisions;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.internal.revision.RevisionIndex;
import dev.migrations.internal.revision.RevisionScanner;

/**
 * Where the revisions come from: a directory of revision files, or an existing Liquibase
 * master changelog.
 *
 * @author Migrations for Spring Boot contributors
 */
@FunctionalInterface
public interface RevisionSource {

	/**
	 * Read the revisions.
	 * @return the revisions with their parents
	 */
	List<Revision> revisions();

	/**
	 * Read the revisions and order them by their parents.
	 * @return the graph of the revisions
	 */
	default RevisionGraph graph() {
		return new RevisionGraph(revisions());
	}

	/**
	 * The revision index written at build time, if it describes the revision files on the
	 * class path now (checked from the files' metadata, without reading them) and names
	 * their head: a start at the head can then be decided without reading the files. Any
	 * doubt answers {@code null}.
	 * @return the index, or {@code null}
	 */
	default @Nullable RevisionIndex verifiedIndex() {
		return null;
	}

	/**
	 * A human-readable description of the source.
	 * @return the description
	 */
	default String describe() {
		return "revisions";
	}

	/**
	 * Revision files in a directory. With Spring AOT, the files of a classpath location
	 * are found through the {@link dev.migrations.internal.revision.RevisionIndex index}
	 * written at build time, when there is one.
	 * @param location e.g. {@code classpath:db/migrations/}
	 * @param resourceLoader the application's resource loader
	 * @return the source
	 */
	static RevisionSource directory(String location, ResourceLoader resourceLoader) {
		ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		// An application processed by Spring AOT (a native image in particular, which
		// cannot list a classpath
		// directory) finds its revision files through the index written at build time.
		RevisionScanner scanner = new RevisionScanner(resolver, AotDetector.useGeneratedArtifacts());
		return new RevisionSource() {

			@Override
			public List<Revision> revisions() {
				return scanner.scan(location);
			}

			@Override
			public @Nullable RevisionIndex verifiedIndex() {
				ClassLoader classLoader = resourceLoader.getClassLoader();
				return ClasspathRevisionFiles
					.verifiedIndex((classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader(), location);
			}

			@Override
			public String describe() {
				return location;
			}

		};
	}

	/**
	 * A source's revisions together with Java revisions, ordered as one set. The Java
	 * revisions are asked for each time the graph is built, i.e. when a migrator runs,
	 * not when the source is created.
	 * @param source the revision files
	 * @param javaRevisions supplies the Java revisions
	 * @return the source
	 */
	static RevisionSource withJavaRevisions(RevisionSource source, Supplier<List<JavaRevision>> javaRevisions) {
		return new RevisionSource() {

			@Override
			public List<Revision> revisions() {
				return graph().ordered();
			}

			@Override
			public @Nullable RevisionIndex verifiedIndex() {
				// The index knows only the files: with revisions in code, the files are
				// read.
				return javaRevisions.get().isEmpty() ? source.verifiedIndex() : null;
			}

			@Override
			public RevisionGraph graph() {
				List<JavaRevision> code = javaRevisions.get();
				RevisionGraph files = source.graph();
				return code.isEmpty() ? files
						: new RevisionGraph(JavaRevisions.merge(files.ordered(), code, source.describe()));
			}

			@Override
			public String describe() {
				return source.describe();
			}

		};
	}

	/**
	 * The tags (or change sets) of an existing Liquibase master changelog.
	 * @param changelog the changelog, e.g.
	 * {@code classpath:db/changelog/db.changelog-master.yaml}
	 * @param resourceLoader the application's resource loader
	 * @return the source
	 */
	static RevisionSource changelog(String changelog, ResourceLoader resourceLoader) {
		return new RevisionSource() {

			@Override
			public List<Revision> revisions() {
				return MigrationEngine.revisionsOfChangelog(changelog, resourceLoader);
			}

			@Override
			public String describe() {
				return changelog;
			}

		};
	}

}
