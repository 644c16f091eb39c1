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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import dev.migrations.MigrationException;
import dev.migrations.RevisionId;

/**
 * Reads the revision files of a location ({@code classpath:db/migrations/} or
 * {@code file:...}) into {@link Revision revisions}. Names must be
 * {@code <revision>_<slug>.<ext>}; {@code <name>.down.sql} is the downgrade of
 * {@code <name>.sql}. Nothing here touches a database.
 *
 * @author Migrations for Spring Boot contributors
 */
public class RevisionScanner {

	private static final Logger logger = LoggerFactory.getLogger(RevisionScanner.class);

	private static final String DOWN_SUFFIX = ".down.sql";

	private static final String CLASSPATH = "classpath:";

	private static final List<String> CHANGELOG_EXTENSIONS = List.of(".xml", ".yaml", ".yml", ".json");

	private static final Pattern HEADER = Pattern
		.compile("^\\s*(?:--|#|<!--|//)\\s*([a-z_]+)\\s*:\\s*(.*?)\\s*(?:-->)?\\s*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern FORMATTED_SQL = Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql",
			Pattern.CASE_INSENSITIVE);

	private static final int HEADER_LINES = 20;

	private final ResourcePatternResolver resolver;

	private final boolean useIndex;

	/**
	 * Create a scanner that resolves locations with the given resolver.
	 * @param resolver the resolver
	 */
	public RevisionScanner(ResourcePatternResolver resolver) {
		this(resolver, false);
	}

	/**
	 * Create a scanner that resolves locations with the given resolver and, if asked to,
	 * finds the files of a classpath location through its {@link RevisionIndex} when
	 * there is one (an application processed by Spring AOT). Any doubt about the index
	 * (missing, unreadable, a file missing or not as indexed) makes it list the location.
	 * @param resolver the resolver
	 * @param useIndex whether to use the index of a classpath location
	 */
	public RevisionScanner(ResourcePatternResolver resolver, boolean useIndex) {
		this.resolver = resolver;
		this.useIndex = useIndex;
	}

	/**
	 * Create a scanner on the default class loader.
	 */
	public RevisionScanner() {
		this(new PathMatchingResourcePatternResolver());
	}

	/**
	 * Read every revision in the location, in natural order of their ids.
	 * @param location the location, e.g. {@code classpath:db/migrations/}
	 * @return the revisions
	 * @throws MigrationException if a file name is malformed or two files share a
	 * revision id
	 */
	public List<Revision> scan(String location) {
		String base = location.endsWith("/") ? location : location + "/";
		if (base.startsWith("file:") && !exists(base)) {
			throw new MigrationException("The revision folder " + base + " does not exist. Nothing was read.",
					"Create the folder with the revision files, or correct the location.");
		}
		@Nullable Map<String, Resource> files = (this.useIndex) ? indexed(base) : null;
		if (files == null) {
			files = list(base);
		}
		Map<String, String> downgrades = new HashMap<>();
		files.keySet()
			.stream()
			.filter((name) -> name.toLowerCase(Locale.ROOT).endsWith(DOWN_SUFFIX))
			.forEach((name) -> downgrades.put(name.substring(0, name.length() - DOWN_SUFFIX.length()) + ".sql", name));
		List<Revision> revisions = new ArrayList<>();
		for (Map.Entry<String, Resource> entry : files.entrySet()) {
			String name = entry.getKey();
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.endsWith(DOWN_SUFFIX)) {
				continue;
			}
			if (!lower.endsWith(".sql") && CHANGELOG_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
				logger.debug("Ignoring {}{}: not a revision file", base, name);
				continue;
			}
			String downName = downgrades.remove(name);
			revisions
				.add(read(base, name, entry.getValue(), (downName != null) ? files.get(downName) : null, downName));
		}
		if (!downgrades.isEmpty()) {
			String orphan = downgrades.values().iterator().next();
			throw new MigrationException(
					"Downgrade file " + base + orphan + " has no revision file " + orphan.replace(DOWN_SUFFIX, ".sql")
							+ " beside it",
					"Rename it to match its revision file (<revision>_<slug>.down.sql), or delete it.");
		}
		if (revisions.isEmpty()) {
			logger.warn("No revision files in {}", base);
		}
		return order(base, revisions);
	}

	/**
	 * Sort revisions by id, reject two with one id, and give each revision without a
	 * {@code down_revision} the previous one as its parent.
	 * @param where where the revisions come from, for the error message
	 * @param revisions the revisions; {@code null} parents where none were declared
	 * @return the revisions in natural order, each with its parents
	 */
	static List<Revision> order(String where, List<Revision> revisions) {
		List<Revision> sorted = new ArrayList<>(revisions);
		sorted.sort(Comparator.comparing(Revision::id));
		rejectDuplicates(where, sorted);
		return withDefaultParents(sorted);
	}

	/**
	 * Whether a revision declares its parents itself, rather than following the previous
	 * revision.
	 * @param revision the revision
	 * @return {@code true} for a file with a {@code down_revision} header, a slice of a
	 * master changelog, or a Java revision that names its down revisions
	 */
	static boolean declaresParents(Revision revision) {
		RevisionContent content = revision.content();
		if (content instanceof RevisionContent.Sql sql) {
			return header(sql.upgrade()).containsKey("down_revision");
		}
		if (content instanceof RevisionContent.LiquibaseChangelog changelog) {
			return header(changelog.text()).containsKey("down_revision");
		}
		if (content instanceof RevisionContent.Java java) {
			return java.code().downRevisions() != null;
		}
		return true;
	}

	/**
	 * Whether a location names a folder that exists: on the class path, a folder or any
	 * file under it.
	 * @param location the location, e.g. {@code classpath:db/migrations/} or
	 * {@code file:/srv/app/revisions/}
	 * @return {@code true} if it exists
	 */
	public boolean exists(String location) {
		String base = location.endsWith("/") ? location : location + "/";
		try {
			if (base.startsWith("classpath:") || base.startsWith("classpath*:")) {
				String path = base.substring(base.indexOf(':') + 1);
				// An application processed by Spring AOT (a native image) may not list
				// its class path: its index says.
				String indexPath = RevisionIndex.resourcePath(CLASSPATH + path);
				if (indexPath != null && this.resolver.getResource(CLASSPATH + indexPath).exists()) {
					return true;
				}
				return this.resolver.getResources("classpath*:" + path).length > 0
						|| this.resolver.getResources("classpath*:" + path + "*").length > 0;
			}
			Resource folder = this.resolver.getResource(base);
			return folder.exists();
		}
		catch (IOException ex) {
			return false;
		}
	}

	// A revision without a down_revision header follows the previous one in natural
	// order.
	private static List<Revision> withDefaultParents(List<Revision> sorted) {
		List<Revision> result = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Revision revision = sorted.get(i);
			if (revision.parents() == null) {
				List<RevisionId> parents = (i == 0) ? List.of() : List.of(sorted.get(i - 1).id());
				revision = new Revision(revision.id(), revision.description(), parents, revision.file(),
						revision.content());
			}
			result.add(revision);
		}
		return result;
	}

	/**
	 * List the files of a location, as {@link #scan(String)} finds them, without reading
	 * them as revisions.
	 * @param location the location
	 * @return the files by name, in the order found
	 */
	public Map<String, Resource> listFiles(String location) {
		return list(location.endsWith("/") ? location : location + "/");
	}

	private @Nullable Map<String, Resource> indexed(String base) {
		String indexPath = RevisionIndex.resourcePath(base);
		if (indexPath == null) {
			return null;
		}
		Resource indexResource = this.resolver.getResource(CLASSPATH + indexPath);
		if (!indexResource.exists()) {
			logger.debug("No revision index {}: listing {}", indexPath, base);
			return null;
		}
		RevisionIndex index;
		try {
			index = RevisionIndex.parse(new String(RevisionIndex.read(indexResource), StandardCharsets.UTF_8));
		}
		catch (UncheckedIOException ex) {
			index = null;
		}
		if (index == null || !RevisionIndex.resourcePath(index.location()).equals(indexPath)) {
			logger.debug("Revision index {} is not readable: listing {}", indexPath, base);
			return null;
		}
		String directory = CLASSPATH + RevisionIndex.classpathDirectory(base);
		Map<String, Resource> files = new LinkedHashMap<>();
		for (RevisionIndex.Entry entry : index.entries()) {
			Resource resource = this.resolver.getResource(directory + entry.name());
			if (!resource.isReadable() || !RevisionIndex.matches(entry, RevisionIndex.read(resource))) {
				logger.info("Revision file {}{} is not as the revision index {} recorded it at build time: listing {}",
						base, entry.name(), indexPath, base);
				return null;
			}
			files.put(entry.name(), resource);
		}
		logger.debug("Found the {} files of {} through the revision index {}", files.size(), base, indexPath);
		return files;
	}

	private Map<String, Resource> list(String base) {
		String pattern = base.startsWith("classpath:") ? "classpath*:" + base.substring("classpath:".length()) + "*"
				: base + "*";
		try {
			Map<String, Resource> files = new LinkedHashMap<>();
			for (Resource resource : this.resolver.getResources(pattern)) {
				String name = resource.getFilename();
				if (name == null || name.isEmpty() || name.startsWith(".") || !resource.isReadable()) {
					continue;
				}
				Resource previous = files.putIfAbsent(name, resource);
				if (previous != null && !sameContent(previous, resource)) {
					throw new MigrationException(
							"Revision file " + name + " exists twice on the classpath under " + base
									+ " with different content: " + previous.getDescription() + " and "
									+ resource.getDescription(),
							"Keep one copy of " + name + ": remove the other from the classpath.");
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot list revision files in " + base + ": " + ex.getMessage(),
					"Check that migrations.location points to a readable directory.", ex);
		}
	}

	private Revision read(String base, String name, Resource resource, Resource downResource, String downName) {
		int underscore = name.indexOf('_');
		String idText = (underscore > 0) ? name.substring(0, underscore) : "";
		if (!RevisionId.isValid(idText)) {
			throw new MigrationException(
					"Revision file " + base + name
							+ " is not named <revision>_<slug>.<ext>: the text before the first '_' "
							+ ((underscore > 0) ? "('" + idText + "') is not a revision id" : "is missing"),
					"Rename it, e.g. to 001_" + name + ": the revision id comes first, then '_' and a short slug.");
		}
		String slug = name.substring(underscore + 1, name.lastIndexOf('.'));
		String description = slug.replace('_', ' ').trim();
		String text = readText(resource, base + name);
		Map<String, String> header = header(text);
		List<RevisionId> parents = parents(header.get("down_revision"), base + name);
		String file = base + name;
		String lower = name.toLowerCase(Locale.ROOT);
		RevisionContent content;
		if (lower.endsWith(".sql") && !FORMATTED_SQL.matcher(firstLine(text)).find()) {
			boolean transactional = !"false".equalsIgnoreCase(header.getOrDefault("transactional", "true"));
			String down = (downResource != null) ? readText(downResource, base + downName) : null;
			content = new RevisionContent.Sql(text, down, (downName != null) ? base + downName : null, transactional);
		}
		else {
			if (downName != null) {
				throw new MigrationException(
						"Revision file " + file + " is a Liquibase changelog, so its downgrade file " + downName
								+ " would never be used",
						"Put the downgrade in the changelog's rollback blocks and delete " + downName + ".");
			}
			content = new RevisionContent.LiquibaseChangelog(resourcePath(resource, file), text);
		}
		return new Revision(new RevisionId(idText), description, parents, file, content);
	}

	private static String resourcePath(Resource resource, String file) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return file;
		}
	}

	static Map<String, String> header(String text) {
		Map<String, String> header = new HashMap<>();
		String[] lines = text.split("\n", HEADER_LINES + 1);
		for (int i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
			Matcher matcher = HEADER.matcher(lines[i]);
			if (matcher.matches()) {
				header.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
			}
		}
		return header;
	}

	static List<RevisionId> parents(String value, String file) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none") || trimmed.equalsIgnoreCase("base")) {
			return List.of();
		}
		List<RevisionId> parents = new ArrayList<>();
		for (String part : trimmed.split("[,\\s]+")) {
			String id = part.replaceAll("^[\\[('\"]+|[\\])'\"]+$", "");
			if (!RevisionId.isValid(id)) {
				throw new MigrationException(
						"Revision file " + file + " has a down_revision header naming '" + part
								+ "', which is not a revision id",
						"Write the header as '-- down_revision: 017' (or '017, 016' for a merge revision).");
			}
			parents.add(new RevisionId(id));
		}
		return parents;
	}

	private static String firstLine(String text) {
		for (String line : text.split("\n", 50)) {
			if (!line.isBlank()) {
				return line;
			}
		}
		return "";
	}

	private static String readText(Resource resource, String file) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read revision file " + file + ": " + ex.getMessage(),
					"Check the file's permissions and encoding (UTF-8).", ex);
		}
	}

	private static boolean sameContent(Resource a, Resource b) {
		try (InputStream inA = a.getInputStream(); InputStream inB = b.getInputStream()) {
			return Arrays.equals(inA.readAllBytes(), inB.readAllBytes());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void rejectDuplicates(String base, List<Revision> sorted) {
		for (int i = 1; i < sorted.size(); i++) {
			Revision previous = sorted.get(i - 1);
			Revision current = sorted.get(i);
			if (previous.id().sameRevisionAs(current.id())) {
				throw new MigrationException(
						"Revision " + current.id() + " is defined twice in " + base + ": " + fileName(previous)
								+ " and " + fileName(current),
						"Give one of them the next free revision number (rename the file), or delete the one that is "
								+ "not wanted. Nothing was written to the database.");
			}
		}
	}

	private static String fileName(Revision revision) {
		return revision.file().substring(revision.file().lastIndexOf('/') + 1);
	}

}
