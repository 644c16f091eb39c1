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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a run is recorded in the results file.
 */
class ResultsFileTests {

	private static final String REPORT = """
			# Benchmark: migrations vs Spring Boot's Liquibase and Flyway integrations

			Run 2026-12-06 09:00 UTC, 1 min 2 s.

			## 1. No-op start

			### H2 (file database)

			| N | variant |
			|---|---|
			| 10 | this starter |
			""";

	private static final String FILE = """
			# Benchmark results

			What this file is.

			## Results

			Newest first.

			### Run 2026-11-26 17:59 UTC, commit 41a1986 (--runs 5)

			#### 1. No-op start

			```bash
			# not a heading
			```

			## Earlier results

			Kept as they are.
			""";

	@Test
	void insertsTheRunFirstUnderResultsAndKeepsEveryEarlierRun() {
		String updated = ResultsFile.insert(FILE, "Run 2026-12-06 09:00 UTC, commit abc1234 (--smoke)", REPORT);
		assertThat(updated).isEqualTo("""
				# Benchmark results

				What this file is.

				## Results

				Newest first.

				### Run 2026-12-06 09:00 UTC, commit abc1234 (--smoke)

				Run 2026-12-06 09:00 UTC, 1 min 2 s.

				#### 1. No-op start

				##### H2 (file database)

				| N | variant |
				|---|---|
				| 10 | this starter |

				### Run 2026-11-26 17:59 UTC, commit 41a1986 (--runs 5)

				#### 1. No-op start

				```bash
				# not a heading
				```

				## Earlier results

				Kept as they are.
				""");
	}

	@Test
	void aSecondRunGoesAboveTheFirst() {
		String once = ResultsFile.insert(FILE, "Run A", REPORT);
		String twice = ResultsFile.insert(once, "Run B", REPORT);
		assertThat(twice.indexOf("### Run B")).isLessThan(twice.indexOf("### Run A"));
		assertThat(twice.indexOf("### Run A")).isLessThan(twice.indexOf("### Run 2026-11-26"));
		assertThat(twice).startsWith(FILE.substring(0, FILE.indexOf("### Run 2026-11-26")))
			.endsWith(FILE.substring(FILE.indexOf("### Run 2026-11-26")));
	}

	@Test
	void aFileWithoutResultsGetsTheHeadingAppended() {
		assertThat(ResultsFile.insert("# Benchmark results\n\nIntro.\n\n", "Run A", "# Title\n\n## Cell\n\nText.\n"))
			.isEqualTo("# Benchmark results\n\nIntro.\n\n## Results\n\n### Run A\n\n#### Cell\n\nText.\n");
		assertThat(ResultsFile.insert("", "Run A", "## Cell\n")).isEqualTo("## Results\n\n### Run A\n\n#### Cell\n");
	}

	@Test
	void resultsAtTheEndOfTheFileGetsTheRunAfterIt() {
		assertThat(ResultsFile.insert("# Results file\n\n## Results\n", "Run A", "## Cell\n"))
			.isEqualTo("# Results file\n\n## Results\n\n### Run A\n\n#### Cell\n");
	}

	@Test
	void headingsOfTheReportAreDemotedUnderTheRunAndItsTitleDropped() {
		assertThat(ResultsFile.nested("# Title\n\nText.\n\n## Cell\n\n### Database\n\n#### Detail\n\n##### Deep\n"))
			.isEqualTo("Text.\n\n#### Cell\n\n##### Database\n\n###### Detail\n\n###### Deep\n");
		assertThat(ResultsFile.nested("#hashtag, not a heading\n| # | column |\n"))
			.isEqualTo("#hashtag, not a heading\n| # | column |\n");
	}

	@Test
	void theRunHeadingNamesTheTimeTheCommitAndWhatWasMeasured() {
		Instant started = Instant.parse("2026-12-06T09:05:30Z");
		assertThat(ResultsFile.runHeading(started, "abc1234",
				List.of("--runs", "5", "--results", "/tmp/r.md", "--output", "/tmp/o.md", "--keep-work",
						"--java-options", "-Xmx1g -Xss8m")))
			.isEqualTo("Run 2026-12-06 09:05 UTC, commit abc1234 (--runs 5 --java-options \"-Xmx1g -Xss8m\")");
		assertThat(ResultsFile.runHeading(started, "unknown", List.of()))
			.isEqualTo("Run 2026-12-06 09:05 UTC, commit unknown (default options)");
	}

	@Test
	void recordCreatesAMissingFileAndRewritesAnExistingOne(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("results.md");
		ResultsFile.record(file, "Run A", "## Cell\n");
		ResultsFile.record(file, "Run B", "## Cell\n");
		assertThat(Files.readString(file))
			.isEqualTo("## Results\n\n### Run B\n\n#### Cell\n\n### Run A\n\n#### Cell\n");
	}

	@Test
	void resultsAreRecordedInTheGivenFileOrNotAtAll() {
		Path target = Path.of("target");
		assertThat(Options.parse(new String[] { "--results", "/tmp/results.md" }, target).results())
			.isEqualTo(Path.of("/tmp/results.md"));
		assertThat(Options.parse(new String[] { "--results", "/tmp/results.md", "--no-results" }, target).results())
			.isNull();
		assertThat(Options.parse(new String[] { "--smoke", "--no-results" }, target).arguments())
			.containsExactly("--smoke", "--no-results");
	}

	@Test
	void theCommitIsAShortIdMarkedDirtyWhenTheTreeHasChanges() throws Exception {
		// The tests run inside the repository: HEAD's id, dirty while a change is made.
		Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
		String head = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
		org.junit.jupiter.api.Assumptions.assumeTrue(git.waitFor() == 0, "not in a git working tree");
		String commit = ResultsFile.commit();
		assertThat(commit).matches("[0-9a-f]{7,40}(-dirty)?");
		assertThat(head).startsWith(commit.replace("-dirty", ""));
	}

}
