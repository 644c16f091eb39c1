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

package dev.migrations.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Records a run in the results file ({@code docs/benchmark-results.md}): a section of its
 * own, newest first under the file's {@code ## Results} heading, holding the report with
 * its headings nested under it. The rest of the file is kept as it is.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ResultsFile {

	/** The heading the runs are listed under. */
	static final String RESULTS = "## Results";

	/** The level of a run's heading. */
	private static final int RUN_LEVEL = 3;

	/**
	 * Options that say where the outputs go, not what is measured: left out of a run's
	 * heading, with their value.
	 */
	private static final Set<String> NOT_MEASURED = Set.of("--results", "--output", "--work-dir");

	private static final Set<String> NOT_MEASURED_FLAGS = Set.of("--no-results", "--keep-work");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private ResultsFile() {
	}

	/**
	 * Add a run to the results file on disk, creating the file if it does not exist.
	 * @param file the results file
	 * @param runHeading the run's heading, without its {@code #}s
	 * @param report the report of the run
	 */
	static void record(Path file, String runHeading, String report) {
		try {
			String current = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
			Files.writeString(file, insert(current, runHeading, report), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The results file with a run added: its section comes first under {@code ## Results}
	 * (after any text that introduces the results, before the first run there), or, in a
	 * file without that heading, under one appended at its end.
	 * @param file the results file's text
	 * @param runHeading the run's heading, without its {@code #}s
	 * @param report the report of the run, as the benchmark writes it
	 * @return the new text of the results file
	 */
	static String insert(String file, String runHeading, String report) {
		String section = "#".repeat(RUN_LEVEL) + " " + runHeading + "\n\n" + nested(report).strip() + "\n";
		List<String> lines = Arrays.asList(file.split("\n", -1));
		List<Integer> headings = headings(lines);
		int results = -1;
		for (int heading : headings) {
			if (lines.get(heading).strip().equals(RESULTS)) {
				results = heading;
				break;
			}
		}
		if (results < 0) {
			String before = file.stripTrailing();
			return (before.isEmpty() ? "" : before + "\n\n") + RESULTS + "\n\n" + section;
		}
		int next = lines.size();
		for (int heading : headings) {
			if (heading > results) {
				next = heading;
				break;
			}
		}
		String before = String.join("\n", lines.subList(0, next)).stripTrailing();
		String after = String.join("\n", lines.subList(next, lines.size()));
		return before + "\n\n" + section + (after.isEmpty() ? "" : "\n" + after);
	}

	/**
	 * The report as a run's section: without its title (the run's heading replaces it),
	 * its sections one level below the run's heading and theirs below them.
	 * @param report the report
	 * @return the section's body
	 */
	static String nested(String report) {
		List<String> lines = new ArrayList<>(Arrays.asList(report.split("\n", -1)));
		List<Integer> headings = headings(lines);
		int shift = RUN_LEVEL + 1 - 2;
		for (int i = headings.size() - 1; i >= 0; i--) {
			int index = headings.get(i);
			String line = lines.get(index);
			int level = level(line);
			if (level == 1) {
				lines.remove(index);
				if (index < lines.size() && lines.get(index).isBlank()) {
					lines.remove(index);
				}
			}
			else {
				int nested = Math.min(level + shift, 6);
				lines.set(index, "#".repeat(nested) + line.substring(level));
			}
		}
		return String.join("\n", lines);
	}

	/**
	 * A run's heading: when it started, at which commit, with which options.
	 * @param started when the run started
	 * @param commit the commit measured
	 * @param arguments the command line
	 * @return the heading, without its {@code #}s
	 */
	static String runHeading(Instant started, String commit, List<String> arguments) {
		List<String> measured = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (NOT_MEASURED.contains(argument)) {
				i++;
			}
			else if (!NOT_MEASURED_FLAGS.contains(argument)) {
				measured.add(argument.contains(" ") ? "\"" + argument + "\"" : argument);
			}
		}
		return "Run " + TIME.format(started) + ", commit " + commit + " ("
				+ (measured.isEmpty() ? "default options" : String.join(" ", measured)) + ")";
	}

	/**
	 * The commit of the working directory, followed by {@code -dirty} when the working
	 * tree has changes the commit does not hold (the run measured code no commit has).
	 * @return the short commit id, or {@code unknown} if git cannot tell
	 */
	static String commit() {
		try {
			Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=7", "--exclude", "*")
				.redirectErrorStream(true)
				.start();
			String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0
					&& output.matches("[0-9a-f]{4,40}(-dirty)?")) {
				return output;
			}
			git.destroy();
		}
		catch (IOException ex) {
			// No git: the run is recorded without its commit.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "unknown";
	}

	/**
	 * The Markdown headings among the lines, outside fenced code blocks.
	 * @param lines the lines
	 * @return the indexes of the heading lines
	 */
	private static List<Integer> headings(List<String> lines) {
		List<Integer> headings = new ArrayList<>();
		String fence = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String trimmed = line.stripLeading();
			if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
				fence = trimmed.substring(0, 3);
			}
			else if (fence != null && trimmed.startsWith(fence)) {
				fence = null;
			}
			else if (fence == null && level(line) > 0) {
				headings.add(i);
			}
		}
		return headings;
	}

	private static int level(String line) {
		int level = 0;
		while (level < line.length() && line.charAt(level) == '#') {
			level++;
		}
		boolean heading = level >= 1 && level <= 6 && (level == line.length() || line.charAt(level) == ' ');
		return heading ? level : 0;
	}

}
