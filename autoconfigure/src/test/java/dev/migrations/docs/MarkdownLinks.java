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

package dev.migrations.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown files, and whether each resolves: the file it names
 * exists and, for a {@code #anchor}, that file has a heading whose GitHub slug is the
 * anchor. Links inside code (fenced blocks, inline code) are not links.
 */
final class MarkdownLinks {

	private static final Pattern LINK = Pattern
		.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^>\\s]+)>?.*$");

	private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

	private MarkdownLinks() {
	}

	/**
	 * Every relative link of the file that does not resolve, each as
	 * {@code file:line: target (why)}.
	 */
	static List<String> broken(Path file, Path root) throws IOException {
		List<String> broken = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		boolean inFence = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.strip().startsWith("```")) {
				inFence = !inFence;
				continue;
			}
			if (inFence) {
				continue;
			}
			List<String> targets = new ArrayList<>();
			Matcher definition = DEFINITION.matcher(line);
			if (definition.matches()) {
				targets.add(definition.group(1));
			}
			Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
			while (link.find()) {
				targets.add(link.group(1));
			}
			for (String target : targets) {
				String problem = problem(file, target);
				if (problem != null) {
					broken.add(root.relativize(file) + ":" + (i + 1) + ": " + target + " (" + problem + ")");
				}
			}
		}
		return broken;
	}

	private static String problem(Path file, String target) throws IOException {
		if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
			return null;
		}
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
		if (!Files.exists(linked)) {
			return "no such file: " + linked;
		}
		if (anchor != null && !anchor.isEmpty()) {
			if (!linked.getFileName().toString().endsWith(".md")) {
				return "an anchor in a file that is not Markdown";
			}
			Set<String> anchors = anchors(linked);
			if (!anchors.contains(anchor)) {
				return "no heading with the anchor #" + anchor + " in " + linked.getFileName();
			}
		}
		return null;
	}

	/**
	 * The anchors GitHub gives a Markdown file's headings: the heading's text, lower
	 * case, without punctuation (letters, digits, spaces, hyphens and underscores stay),
	 * spaces turned into hyphens; a repeated slug gets {@code -1}, {@code -2}, ...
	 */
	static Set<String> anchors(Path file) throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean inFence = false;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.strip().startsWith("```")) {
				inFence = !inFence;
				continue;
			}
			Matcher heading = HEADING.matcher(line);
			if (inFence || !heading.matches()) {
				continue;
			}
			String slug = slug(heading.group(1));
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

	static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
		text = text.replaceAll("<[^>]+>", "");
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
	}

}
