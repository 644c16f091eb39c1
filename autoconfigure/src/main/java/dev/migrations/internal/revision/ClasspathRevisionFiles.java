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
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a location's {@link RevisionIndex} against the files on the class path now. The
 * index holds if the location is in exactly one place on the class path, that place also
 * holds the index, and the files there are exactly the indexed ones: same names, same
 * sizes, same CRC-32s. In a jar (the application's jar in production) names, sizes and
 * CRC-32s come from its central directory, which records them for every entry: no file is
 * read. In a directory (tests, running from the IDE) each file's bytes are read for their
 * CRC-32, which is still far less work than reading them as revisions. Anything else is a
 * doubt, and a doubt means the files are read as revisions.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class ClasspathRevisionFiles {

	private static final Logger logger = LoggerFactory.getLogger(ClasspathRevisionFiles.class);

	private ClasspathRevisionFiles() {
	}

	/**
	 * The index of a location, if it describes the files on the class path now and names
	 * the revisions' head.
	 * @param classLoader the class loader whose class path holds the files
	 * @param location the location, e.g. {@code classpath:db/migrations/}
	 * @return the index, or {@code null} if there is none, it names no head, or it is not
	 * what is on the class path
	 */
	public static @Nullable RevisionIndex verifiedIndex(ClassLoader classLoader, String location) {
		String directory = RevisionIndex.classpathDirectory(location);
		String indexPath = RevisionIndex.resourcePath(location);
		if (directory == null || indexPath == null || directory.isEmpty()) {
			return null;
		}
		try {
			List<URL> indexes = Collections.list(classLoader.getResources(indexPath));
			List<URL> roots = Collections.list(classLoader.getResources(directory));
			if (indexes.size() != 1 || roots.size() != 1) {
				logger.debug("Revision index of {}: {} index(es) and {} folder(s) on the class path, reading the files",
						location, indexes.size(), roots.size());
				return null;
			}
			URL indexUrl = indexes.get(0);
			URL root = roots.get(0);
			// The index must come from where the files are: the same directory or jar.
			String indexBase = indexUrl.toString().substring(0, indexUrl.toString().length() - indexPath.length());
			String rootBase = root.toString().substring(0, root.toString().length() - directory.length());
			if (!indexBase.equals(rootBase)) {
				logger.debug("Revision index {} is not where the files of {} are: reading the files", indexUrl,
						location);
				return null;
			}
			RevisionIndex index = read(indexUrl);
			if (index == null || index.head() == null
					|| !indexPath.equals(RevisionIndex.resourcePath(index.location()))) {
				logger.debug("Revision index {} cannot decide a start alone: reading the files", indexUrl);
				return null;
			}
			Map<String, long[]> files = files(root);
			String difference = (files != null) ? difference(index, files) : "its folder cannot be listed";
			if (difference != null) {
				logger.info("The revision index {} written at build time is out of date ({}): reading the revision "
						+ "files of {}", indexPath, difference, location);
				return null;
			}
			return index;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot check the revision index of {}: reading the files", location, ex);
			return null;
		}
	}

	private static @Nullable RevisionIndex read(URL url) throws IOException {
		URLConnection connection = url.openConnection();
		try (InputStream in = connection.getInputStream()) {
			return RevisionIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/**
	 * What differs between the index and the files found, or {@code null} if nothing
	 * does.
	 * @param files by name: size and CRC-32
	 * @param index the index
	 * @return the string
	 */
	static @Nullable String difference(RevisionIndex index, Map<String, long[]> files) {
		Map<String, long[]> remaining = new HashMap<>(files);
		for (RevisionIndex.Entry entry : index.entries()) {
			long[] found = remaining.remove(entry.name());
			if (found == null) {
				return entry.name() + " is gone";
			}
			if (found[0] != entry.size()) {
				return entry.name() + " changed size";
			}
			if (found[1] != entry.crc32()) {
				return entry.name() + " changed";
			}
		}
		return remaining.isEmpty() ? null : remaining.keySet().iterator().next() + " is new";
	}

	/**
	 * The files directly in a class path folder, as the scanner lists them (no hidden
	 * files, no folders).
	 * @param root the root
	 * @return by name: size and CRC-32; {@code null} for another kind of URL
	 */
	private static @Nullable Map<String, long[]> files(URL root) throws IOException {
		if ("file".equals(root.getProtocol())) {
			return directoryFiles(root);
		}
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			return null;
		}
		JarFile jar = jarConnection.getJarFile();
		try {
			String prefix = jarConnection.getEntryName();
			if (prefix == null) {
				return null;
			}
			Map<String, long[]> files = new HashMap<>();
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (entry.isDirectory() || !name.startsWith(prefix)) {
					continue;
				}
				String file = name.substring(prefix.length());
				if (!file.isEmpty() && file.indexOf('/') < 0 && !file.startsWith(".")) {
					files.put(file, new long[] { entry.getSize(), entry.getCrc() });
				}
			}
			return files;
		}
		finally {
			if (!jarConnection.getUseCaches()) {
				jar.close();
			}
		}
	}

	private static Map<String, long[]> directoryFiles(URL root) throws IOException {
		Path directory;
		try {
			directory = Path.of(root.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IOException(ex);
		}
		Map<String, long[]> files = new HashMap<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			for (Path path : stream) {
				String name = path.getFileName().toString();
				if (!name.startsWith(".") && Files.isRegularFile(path)) {
					byte[] content = Files.readAllBytes(path);
					files.put(name, new long[] { content.length, RevisionIndex.crc32(content) });
				}
			}
		}
		return files;
	}

}
