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

package dev.migrations.internal.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision discovery through the index that Spring AOT writes at build time, on a class
 * path whose directories cannot be listed, as in a native image.
 */
class RevisionIndexTests {

	private static final String LOCATION = "classpath:db/migrations/";

	@TempDir
	Path classpath;

	RevisionDirectory revisions;

	URLClassLoader classLoader;

	@BeforeEach
	void setUp() throws MalformedURLException {
		this.revisions = RevisionDirectory.in(this.classpath.resolve("db/migrations"))
			.add("001_users.sql", "CREATE TABLE users (id INT);")
			.add("001_users.down.sql", "DROP TABLE users;")
			.add("002_orders.yaml", "databaseChangeLog: []\n");
		this.classLoader = new URLClassLoader(new URL[] { this.classpath.toUri().toURL() }, null);
	}

	@AfterEach
	void close() throws IOException {
		this.classLoader.close();
	}

	@Test
	void findsTheRevisionsThroughTheIndexWhenTheDirectoryCannotBeListed() {
		writeIndex();
		List<Revision> found = new RevisionScanner(new UnlistableResolver(this.classLoader), true).scan(LOCATION);
		assertThat(found).extracting((revision) -> revision.id().value()).containsExactly("001", "002");
		assertThat(((RevisionContent.Sql) found.get(0).content()).downgrade()).isEqualTo("DROP TABLE users;");
	}

	@Test
	void listsTheDirectoryWhenAFileIsNotAsIndexed() {
		writeIndex();
		this.revisions.add("001_users.sql", "CREATE TABLE users (id BIGINT);").add("003_later.sql", "SELECT 1;");
		List<Revision> found = new RevisionScanner(new PathMatchingResourcePatternResolver(this.classLoader), true)
			.scan(LOCATION);
		assertThat(found).extracting((revision) -> revision.id().value()).containsExactly("001", "002", "003");
		assertThat(((RevisionContent.Sql) found.get(0).content()).upgrade()).contains("BIGINT");
	}

	@Test
	void listsTheDirectoryWithoutAnIndex() {
		List<Revision> found = new RevisionScanner(new PathMatchingResourcePatternResolver(this.classLoader), true)
			.scan(LOCATION);
		assertThat(found).hasSize(2);
	}

	@Test
	void ignoresTheIndexUnlessAsked() {
		writeIndex();
		assertThat(new RevisionScanner(new UnlistableResolver(this.classLoader), false).scan(LOCATION)).isEmpty();
	}

	@Test
	void recordsNameSizeAndChecksumOfEachFile() {
		RevisionIndex index = index();
		assertThat(index.entries()).extracting(RevisionIndex.Entry::name)
			.containsExactlyInAnyOrder("001_users.sql", "001_users.down.sql", "002_orders.yaml");
		RevisionIndex.Entry users = index.entries()
			.stream()
			.filter((entry) -> entry.name().equals("001_users.sql"))
			.findFirst()
			.orElseThrow();
		assertThat(users.size()).isEqualTo(28);
		assertThat(users.sha256()).hasSize(64);
		assertThat(RevisionIndex.parse(index.text())).isEqualTo(index);
	}

	@Test
	void placesTheIndexOfAClasspathLocationUnderMetaInf() {
		assertThat(RevisionIndex.resourcePath("classpath:db/migrations")).isEqualTo("db/migrations/.revisions.index");
		assertThat(RevisionIndex.resourcePath("classpath:/db/migrations/")).isEqualTo("db/migrations/.revisions.index");
		assertThat(RevisionIndex.resourcePath("file:/srv/migrations/")).isNull();
	}

	private RevisionIndex index() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(this.classLoader);
		return RevisionIndex.of(LOCATION, new RevisionScanner(resolver));
	}

	private void writeIndex() {
		try {
			Path file = this.classpath.resolve(RevisionIndex.resourcePath(LOCATION));
			Files.createDirectories(file.getParent());
			Files.writeString(file, index().text());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Resolves single resources but finds nothing for a pattern, like a native image,
	 * which cannot list a classpath directory.
	 */
	static class UnlistableResolver extends PathMatchingResourcePatternResolver {

		UnlistableResolver(ClassLoader classLoader) {
			super(classLoader);
		}

		@Override
		public Resource[] getResources(String locationPattern) {
			return new Resource[0];
		}

	}

}
