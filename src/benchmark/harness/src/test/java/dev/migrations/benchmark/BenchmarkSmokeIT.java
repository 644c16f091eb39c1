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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke mode (N=10, one run, H2): every variant starts as a process of
 * its own, migrates and is measured, and the report is written. Proves the harness works;
 * measures nothing worth reading. The run is recorded in a results file of its own.
 */
class BenchmarkSmokeIT {

	@Test
	void smokeRunMeasuresEveryVariantAndWritesTheReport(@TempDir Path directory) throws Exception {
		Path output = directory.resolve("report.md");
		Path results = directory.resolve("results.md");
		Files.writeString(results, "# Benchmark results\n\n## Results\n\n### An earlier run\n");
		Options options = Options.parse(
				new String[] { "--smoke", "--output", output.toString(), "--work-dir",
						directory.resolve("work").toString(), "--results", results.toString() },
				Launcher.harnessTarget());

		String report = new Benchmark(options).run();

		assertThat(output).exists();
		assertThat(Files.readString(output)).isEqualTo(report);
		// The run is recorded first under "## Results", its sections nested under its
		// heading.
		assertThat(Files.readString(results))
			.containsPattern(
					"## Results\n\n### Run \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, commit \\w+ \\(--smoke\\)\n")
			.contains("\n#### 1. No-op start")
			.endsWith("### An earlier run\n");
		assertThat(report).doesNotContain("## Failures").doesNotContain("failed");
		assertThat(report).containsPattern("\\| 10 \\| this starter \\| [0-9.]+ \\| [0-9]+ \\| [0-9]+ \\| [0-9.]+ \\|");
		assertThat(report).containsPattern("\\| 10 \\| Boot \\+ Liquibase \\| [0-9.]+ \\|");
		assertThat(report).containsPattern("\\| 10 \\| Boot \\+ Flyway \\| [0-9.]+ \\|");
		assertThat(report).containsPattern("\\| 10 \\| plain JDBC \\| [0-9.]+ \\|");
		assertThat(report).containsPattern("\\| 10 \\| no migration tool \\| – \\| [0-9]+ \\|");
		assertThat(report).containsPattern("\\| 10 \\| no tool \\+ actuator \\| – \\| [0-9]+ \\|");
		// Section 1b has one more column: opening the database, before the migration
		// step.
		assertThat(report).contains("## 1b. No-op start, database opened before the migration step");
		// The paired cell: two rounds of four starts (the floor check among them: it
		// fails the round unless the history
		// matches the index), their differences as median and interquartile range.
		assertThat(report).contains("## 4. The starter's own cost, paired")
			.containsPattern("\\| h2 \\| 2 \\|( -?[0-9.]+ \\(-?[0-9.]+ to -?[0-9.]+\\) \\|){3}");
		// And what the CPU difference is made of, from each process's own accounting.
		assertThat(report).contains("### 4b. What the difference is made of")
			.containsPattern(
					"\\| h2 \\| C2 compiler threads CPU \\(ms\\) \\| -?[0-9.]+ \\(-?[0-9.]+ to -?[0-9.]+\\) \\|")
			.containsPattern("\\| h2 \\| loaded classes \\| -?[0-9.]+ \\(")
			.containsPattern("\\| h2 \\| 8 \\| -?[0-9.]+ \\| -?[0-9.]+ \\|");
		assertThat(report).containsPattern(
				"\\| 10 \\| this starter \\| [0-9.]+ \\| [0-9.]+ \\| [0-9]+ \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
		// Either latencies, or n/a while the installed starter has no endpoint.
		assertThat(report).containsPattern("\\| h2 \\| 30 \\| (20 \\+ 20 \\| [0-9.]+|n/a)");
	}

}
