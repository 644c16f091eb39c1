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
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision index written at build time holds only while the class path has exactly
 * the indexed files: every addition, edit, removal or rename is a doubt, in a directory
 * and in a jar.
 */
class ClasspathRevisionFilesTests {

	private static final String LOCATION = "classpath:db/migrations/";

	@TempDir
	Path work;

	Path classes;

	RevisionDirectory revisions;

	@BeforeEach
	void setUp() {
		this.classes = this.work.resolve("classes");
		this.revisions = RevisionDirectory.in(this.classes.resolve("db/migrations"))
			.add("001_users.sql", "CREATE TABLE users (id INT);")
			.add("001_users.down.sql", "DROP TABLE users;")
			.add("002_orders.sql", "CREATE TABLE orders (id INT);")
			.add("README.md", "Revisions of the shop.");
	}

	@Test
	void indexHoldsForTheFilesItWasWrittenFrom() throws IOException {
		writeIndex();
		RevisionIndex index = verified(this.classes);
		assertThat(index).isNotNull();
		assertThat(index.head()).isEqualTo("002");
		assertThat(index.checksums()).containsOnlyKeys("001", "002");
		RevisionContent.Sql users = (RevisionContent.Sql) new RevisionScanner()
			.scan("file:" + this.classes + "/db/migrations/")
			.get(0)
			.content();
		assertThat(index.checksums()).containsEntry("001", users.checksum());
	}

	@Test
	void editedFileOfTheSameSizeAndTimeIsADoubt() throws IOException {
		writeIndex();
		Path file = this.classes.resolve("db/migrations/001_users.sql");
		FileTime time = Files.getLastModifiedTime(file);
		this.revisions.add("001_users.sql", "CREATE TABLE users (id BIT);");
		Files.setLastModifiedTime(file, time);
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void editedDowngradeFileIsADoubt() throws IOException {
		writeIndex();
		this.revisions.add("001_users.down.sql", "DROP TABLE usrs;;");
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void addedRevisionIsADoubt() throws IOException {
		writeIndex();
		this.revisions.add("003_lines.sql", "CREATE TABLE lines (id INT);");
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void removedRevisionIsADoubt() throws IOException {
		writeIndex();
		this.revisions.remove("002_orders.sql");
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void renamedRevisionIsADoubt() throws IOException {
		writeIndex();
		Files.move(this.classes.resolve("db/migrations/002_orders.sql"),
				this.classes.resolve("db/migrations/003_orders.sql"));
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void hiddenFilesAreIgnoredAsTheScannerIgnoresThem() throws IOException {
		writeIndex();
		this.revisions.add(".002_orders.sql.swp", "editor state");
		assertThat(verified(this.classes)).isNotNull();
	}

	@Test
	void revisionsWithTwoHeadsNameNoHead() throws IOException {
		this.revisions.add("003_branch.sql", "-- down_revision: 001\nCREATE TABLE branch (id INT);");
		writeIndex();
		assertThat(verified(this.classes)).isNull();
		assertThat(index().head()).isNull();
	}

	@Test
	void changelogRevisionNamesNoHead() throws IOException {
		this.revisions.add("003_more.yaml", "databaseChangeLog: []\n");
		writeIndex();
		assertThat(index().head()).isNull();
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void malformedRevisionStillListsTheFilesWithoutHead() throws IOException {
		this.revisions.add("not-a-revision.sql", "SELECT 1;");
		writeIndex();
		RevisionIndex index = index();
		assertThat(index.head()).isNull();
		assertThat(index.entries()).extracting(RevisionIndex.Entry::name).contains("not-a-revision.sql");
	}

	@Test
	void noIndexIsNoShortcut() {
		assertThat(verified(this.classes)).isNull();
	}

	@Test
	void locationInTwoPlacesOnTheClassPathIsADoubt() throws IOException {
		writeIndex();
		Path other = this.work.resolve("other");
		RevisionDirectory.in(other.resolve("db/migrations")).add("003_elsewhere.sql", "CREATE TABLE x (id INT);");
		try (URLClassLoader loader = new URLClassLoader(
				new URL[] { this.classes.toUri().toURL(), other.toUri().toURL() }, null)) {
			assertThat(ClasspathRevisionFiles.verifiedIndex(loader, LOCATION)).isNull();
		}
	}

	@Test
	void indexFromAnotherPlaceOnTheClassPathIsADoubt() throws IOException {
		writeIndex();
		Path indexOnly = this.work.resolve("index-only");
		Path index = indexOnly.resolve(RevisionIndex.resourcePath(LOCATION));
		Files.createDirectories(index.getParent());
		Files.move(this.classes.resolve(RevisionIndex.resourcePath(LOCATION)), index);
		try (URLClassLoader loader = new URLClassLoader(
				new URL[] { this.classes.toUri().toURL(), indexOnly.toUri().toURL() }, null)) {
			assertThat(ClasspathRevisionFiles.verifiedIndex(loader, LOCATION)).isNull();
		}
	}

	@Test
	void indexHoldsInAJarFromItsCentralDirectory() throws IOException {
		writeIndex();
		Path jar = jar(this.classes, this.work.resolve("app.jar"));
		RevisionIndex index = verified(jar);
		assertThat(index).isNotNull();
		assertThat(index.head()).isEqualTo("002");
	}

	@Test
	void editedFileInAJarWithTheSameSizeAndTimeIsADoubt() throws IOException {
		writeIndex();
		this.revisions.add("002_orders.sql", "CREATE TABLE ordrs (id INTX);");
		assertThat(Files.size(this.classes.resolve("db/migrations/002_orders.sql")))
			.isEqualTo("CREATE TABLE orders (id INT);".length());
		// Every entry gets the same time, as in a reproducible build: only the CRC-32
		// tells the edit.
		assertThat(verified(jar(this.classes, this.work.resolve("app.jar")))).isNull();
	}

	@Test
	void addedOrRemovedFileInAJarIsADoubt() throws IOException {
		writeIndex();
		this.revisions.add("003_lines.sql", "CREATE TABLE lines (id INT);");
		assertThat(verified(jar(this.classes, this.work.resolve("added.jar")))).isNull();
		this.revisions.remove("003_lines.sql").remove("001_users.down.sql");
		assertThat(verified(jar(this.classes, this.work.resolve("removed.jar")))).isNull();
	}

	@Test
	void indexOfAnotherFormatIsNotUsed() throws IOException {
		Path file = this.classes.resolve(RevisionIndex.resourcePath(LOCATION));
		Files.createDirectories(file.getParent());
		Files.writeString(file,
				"# Revision files of classpath:db/migrations/\n# name, size, SHA-256\n" + "001_users.sql\t28\tabc\n");
		assertThat(verified(this.classes)).isNull();
	}

	private void writeIndex() throws IOException {
		assertThat(RevisionIndex.writeInto(this.classes, LOCATION)).isRegularFile();
	}

	private RevisionIndex index() throws IOException {
		return RevisionIndex.parse(Files.readString(this.classes.resolve(RevisionIndex.resourcePath(LOCATION))));
	}

	private static RevisionIndex verified(Path classpathEntry) {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classpathEntry.toUri().toURL() }, null)) {
			return ClasspathRevisionFiles.verifiedIndex(loader, LOCATION);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A jar of a directory, with directory entries and one fixed time for every entry (a
	 * reproducible build).
	 */
	private static Path jar(Path directory, Path jar) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(directory)) {
			paths = walk.filter((path) -> !path.equals(directory)).sorted().toList();
		}
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			for (Path path : paths) {
				String name = directory.relativize(path).toString().replace('\\', '/');
				boolean folder = Files.isDirectory(path);
				JarEntry entry = new JarEntry(folder ? name + "/" : name);
				entry.setTime(315532800000L);
				jarOut.putNextEntry(entry);
				if (!folder) {
					jarOut.write(Files.readAllBytes(path));
				}
				jarOut.closeEntry();
			}
		}
		return jar;
	}

}
