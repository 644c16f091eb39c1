package dev.migrations.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * The list of a classpath location's revision files, written at build time by Spring AOT, so that the revisions can be
 * found where a classpath directory cannot be listed (a native image). One line per file: its name, its size in bytes
 * and the SHA-256 of its content. It lives at {@code META-INF/migrations/<location's path>revisions.index}, e.g.
 * {@code META-INF/migrations/db/migrations/revisions.index} for {@code classpath:db/migrations/}.
 *
 * @param location the location the files were listed from, e.g. {@code classpath:db/migrations/}
 * @param entries the files, by name
 */
public record RevisionIndex(String location, List<Entry> entries) {

	private static final String CLASSPATH = "classpath:";

	private static final String HEADER = "# Revision files of ";

	/**
	 * The index of the files found in a location.
	 * @param location the location
	 * @param files the files, by name
	 * @return the index
	 */
	public static RevisionIndex of(String location, Map<String, Resource> files) {
		List<Entry> entries = new ArrayList<>();
		files.forEach((name, resource) -> {
			byte[] content = read(resource);
			entries.add(new Entry(name, content.length, sha256(content)));
		});
		return new RevisionIndex(location, List.copyOf(entries));
	}

	/**
	 * Where the index of a location lives on the class path.
	 * @param location the location, e.g. {@code classpath:db/migrations/}
	 * @return the path of the index resource, or {@code null} if the location is not on the class path
	 */
	public static @Nullable String resourcePath(String location) {
		String directory = classpathDirectory(location);
		return (directory != null) ? "META-INF/migrations/" + directory + "revisions.index" : null;
	}

	/**
	 * The directory of a classpath location, without leading and with a trailing {@code /}.
	 * @param location the location, e.g. {@code classpath:db/migrations}
	 * @return the directory, e.g. {@code db/migrations/}, or {@code null} if the location is not a
	 * {@code classpath:} location
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
	 * @return the index, or {@code null} if the text is not an index
	 */
	public static @Nullable RevisionIndex parse(String text) {
		String[] lines = text.split("\n");
		if (lines.length == 0 || !lines[0].startsWith(HEADER)) {
			return null;
		}
		String location = lines[0].substring(HEADER.length()).trim();
		List<Entry> entries = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t");
			if (fields.length != 3) {
				return null;
			}
			try {
				entries.add(new Entry(fields[0], Long.parseLong(fields[1]), fields[2]));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return new RevisionIndex(location, List.copyOf(entries));
	}

	/**
	 * The index as it is written: a header naming the location, then one tab-separated line per file.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder(HEADER).append(this.location).append('\n');
		text.append("# Written by Spring AOT processing: name, size in bytes, SHA-256\n");
		for (Entry entry : this.entries) {
			text.append(entry.name())
				.append('\t')
				.append(entry.size())
				.append('\t')
				.append(entry.sha256())
				.append('\n');
		}
		return text.toString();
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

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One revision file (or downgrade file) of the index.
	 *
	 * @param name the file name
	 * @param size its size in bytes
	 * @param sha256 the SHA-256 of its content, hex
	 */
	public record Entry(String name, long size, String sha256) {
	}

}
