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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.migrations.MigrationException;

/**
 * The list of a classpath location's revision files, written at build time (by Spring
 * AOT, or by the {@code migrations-maven-plugin}'s {@code index} goal). It serves two
 * purposes:
 * <ul>
 * <li>a native image, which cannot list a classpath directory, finds the revision files
 * through it;</li>
 * <li>a start at the head answers without reading a single revision file:
 * {@link ClasspathRevisionFiles} checks the index against what is on the class path now
 * (names, sizes and CRC-32s: in a jar from its central directory, which records them for
 * every entry, without reading a file; in a directory from the files' bytes), and then
 * the history is compared with the checksums the index recorded. Any doubt — a file
 * added, removed, renamed, or not of the size or CRC-32 indexed, or the location found in
 * more than one place — and the files are read as always.</li>
 * </ul>
 * One line per file: its name, size in bytes, CRC-32, SHA-256, and for a plain SQL
 * revision file its revision id and the checksum the history records for it. A comment
 * line names the single head when the revisions formed one graph of plain SQL revisions
 * at build time. It lives at {@code <location's path>.revisions.index}, beside the files
 * (a hidden file, which the scanner ignores, and which stays with them when Spring Boot's
 * repackaging moves {@code META-INF/} to the jar's root), e.g.
 * {@code db/migrations/.revisions.index} for {@code classpath:db/migrations/}.
 *
 * @param location the location the files were listed from, e.g.
 * {@code classpath:db/migrations/}
 * @param head the single head of the revisions, or {@code null} if a start cannot be
 * decided from the index alone (several heads, a revision that is not plain SQL, a file
 * that is not a valid revision)
 * @param entries the files, by name
 * @author Migrations for Spring Boot contributors
 */
public record RevisionIndex(String location, @Nullable String head, List<Entry> entries) {

	private static final String CLASSPATH = "classpath:";

	private static final String HEADER = "# Revision files of ";

	private static final String COLUMNS = "# Written at build time: name, size in bytes, CRC-32, SHA-256, revision, "
			+ "history checksum";

	private static final String HEAD = "# head: ";

	private static final String NONE = "-";

	/**
	 * The index of the files of a location, with the revisions' checksums and head if the
	 * files are valid revisions of one graph.
	 * @param location the location, e.g. {@code classpath:db/migrations/}
	 * @param scanner the scanner that lists and reads the location
	 * @return the index
	 */
	public static RevisionIndex of(String location, RevisionScanner scanner) {
		Map<String, Resource> files = scanner.listFiles(location);
		Map<String, String[]> revisions = new HashMap<>();
		String head = null;
		try {
			List<Revision> scanned = scanner.scan(location);
			RevisionGraph graph = new RevisionGraph(scanned);
			boolean plainSql = true;
			for (Revision revision : scanned) {
				if (revision.content() instanceof RevisionContent.Sql sql) {
					String name = revision.file().substring(revision.file().lastIndexOf('/') + 1);
					revisions.put(name, new String[] { revision.id().value(), sql.checksum() });
				}
				else {
					plainSql = false;
				}
			}
			if (plainSql && !graph.hasConflict() && graph.heads().size() == 1) {
				head = graph.heads().get(0).value();
			}
		}
		catch (MigrationException ex) {
			// Not valid revisions: the index still lists the files; the application
			// reports the problem when it reads them.
			revisions.clear();
		}
		List<Entry> entries = new ArrayList<>();
		files.forEach((name, resource) -> {
			byte[] content = read(resource);
			String[] revision = revisions.get(name);
			entries.add(new Entry(name, content.length, crc32(content), sha256(content),
					(revision != null) ? revision[0] : null, (revision != null) ? revision[1] : null));
		});
		return new RevisionIndex(location, head, List.copyOf(entries));
	}

	/**
	 * Write the index of a location into a class path directory, as a build step does
	 * (the {@code migrations-maven-plugin}'s {@code index} goal): only the files of that
	 * directory are indexed.
	 * @param classesDirectory the directory, e.g. {@code target/classes}
	 * @param location the location, e.g. {@code classpath:db/migrations/}
	 * @return the index file written, or {@code null} if the location is not a
	 * {@code classpath:} folder of that directory
	 * @throws IOException if the index cannot be written
	 */
	public static @Nullable Path writeInto(Path classesDirectory, String location) throws IOException {
		String directory = classpathDirectory(location);
		String indexPath = resourcePath(location);
		if (directory == null || indexPath == null || !Files.isDirectory(classesDirectory.resolve(directory))) {
			return null;
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classesDirectory.toUri().toURL() }, null)) {
			RevisionIndex index = of(location,
					new RevisionScanner(new PathMatchingResourcePatternResolver(classLoader)));
			Path file = classesDirectory.resolve(indexPath);
			Files.createDirectories(file.getParent());
			Files.writeString(file, index.text(), StandardCharsets.UTF_8);
			return file;
		}
	}

	/**
	 * Where the index of a location lives on the class path.
	 * @param location the location, e.g. {@code classpath:db/migrations/}
	 * @return the path of the index resource, or {@code null} if the location is not on
	 * the class path
	 */
	public static @Nullable String resourcePath(String location) {
		String directory = classpathDirectory(location);
		return (directory != null) ? directory + ".revisions.index" : null;
	}

	/**
	 * The directory of a classpath location, without leading and with a trailing
	 * {@code /}.
	 * @param location the location, e.g. {@code classpath:db/migrations}
	 * @return the directory, e.g. {@code db/migrations/}, or {@code null} if the location
	 * is not a {@code classpath:} location
	 */
	public static @Nullable String classpathDirectory(String location) {
		if (!location.toLowerCase(Locale.ROOT).startsWith(CLASSPATH)) {
			return null;
		}
		String path = location.substring(CLASSPATH.length());
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		return (path.isEmpty() || path.endsWith("/")) ? path : path + "/";
	}

	/**
	 * Read an index written by {@link #text()}.
	 * @param text the index's content
	 * @return the index, or {@code null} if the text is not an index of this format
	 */
	public static @Nullable RevisionIndex parse(String text) {
		String[] lines = text.split("\n");
		if (lines.length < 2 || !lines[0].startsWith(HEADER) || !lines[1].equals(COLUMNS)) {
			return null;
		}
		String location = lines[0].substring(HEADER.length()).trim();
		String head = null;
		List<Entry> entries = new ArrayList<>();
		for (int i = 2; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.startsWith(HEAD)) {
				head = line.substring(HEAD.length()).trim();
			}
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t");
			if (fields.length != 6) {
				return null;
			}
			try {
				entries.add(new Entry(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2], 16), fields[3],
						orNull(fields[4]), orNull(fields[5])));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return new RevisionIndex(location, head, List.copyOf(entries));
	}

	/**
	 * The index as it is written: a header naming the location, the head if known, then
	 * one tab-separated line per file.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder(HEADER).append(this.location).append('\n');
		text.append(COLUMNS).append('\n');
		if (this.head != null) {
			text.append(HEAD).append(this.head).append('\n');
		}
		for (Entry entry : this.entries) {
			text.append(entry.name())
				.append('\t')
				.append(entry.size())
				.append('\t')
				.append(Long.toHexString(entry.crc32()))
				.append('\t')
				.append(entry.sha256())
				.append('\t')
				.append((entry.revision() != null) ? entry.revision() : NONE)
				.append('\t')
				.append((entry.checksum() != null) ? entry.checksum() : NONE)
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * The history checksum of every plain SQL revision of the index, by revision id.
	 * @return the checksums
	 */
	public Map<String, String> checksums() {
		Map<String, String> checksums = new LinkedHashMap<>();
		for (Entry entry : this.entries) {
			if (entry.revision() != null && entry.checksum() != null) {
				checksums.put(entry.revision(), entry.checksum());
			}
		}
		return checksums;
	}

	private static @Nullable String orNull(String field) {
		return field.equals(NONE) ? null : field;
	}

	/**
	 * Whether content is what the index recorded for a file.
	 * @param entry the file's entry
	 * @param content the file's content now
	 * @return {@code true} if size and checksum match
	 */
	static boolean matches(Entry entry, byte[] content) {
		return entry.size() == content.length && entry.sha256().equals(sha256(content));
	}

	static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getDescription(), ex);
		}
	}

	static long crc32(byte[] content) {
		CRC32 crc = new CRC32();
		crc.update(content);
		return crc.getValue();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One file (revision, downgrade or other) of the index.
	 *
	 * @param name the file name
	 * @param size its size in bytes
	 * @param crc32 the CRC-32 of its content
	 * @param sha256 the SHA-256 of its content, hex
	 * @param revision the revision id of a plain SQL revision file, or {@code null}
	 * @param checksum the checksum the history records for that revision, or {@code null}
	 */
	public record Entry(String name, long size, long crc32, String sha256, @Nullable String revision,
			@Nullable String checksum) {
	}

}
