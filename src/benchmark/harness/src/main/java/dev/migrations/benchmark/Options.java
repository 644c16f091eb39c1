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
import java.util.Arrays;
import java.util.List;

/**
 * What to run, from the command line.
 *
 * @param runs measured runs per cell
 * @param sizes numbers of revisions
 * @param databases {@code h2}, {@code postgresql}
 * @param scenarios {@code noop}, {@code noop-open}, {@code apply}, {@code endpoint}
 * @param endpointRows history rows for the endpoint cell
 * @param endpointRequests measured requests for the endpoint cell (after as many warm-up
 * requests, at most 100)
 * @param warmup whether one unmeasured round of every variant runs first
 * @param output the Markdown report
 * @param workDirectory databases, revision files and process logs
 * @param keepWork whether the work directory is kept
 * @param javaOptions JVM options for every application process, all variants alike (none
 * by default)
 * @param pairs rounds of the paired cell
 * @param pairsRevisions the number of revisions of the paired cell
 * @param pairsOff the property that switches the starter off in the paired cell's second
 * way
 * @param results the results file the run is recorded in, or {@code null} for none
 * @param arguments the command line, for the run's heading in the results file
 * @author Migrations for Spring Boot contributors
 */
record Options(int runs, List<Integer> sizes, List<String> databases, List<String> scenarios, int endpointRows,
		int endpointRequests, boolean warmup, Path output, Path workDirectory, boolean keepWork,
		List<String> javaOptions, int pairs, int pairsRevisions, String pairsOff, Path results,
		List<String> arguments) {

	/**
	 * The results file, relative to the working directory: the documented command runs
	 * from the repository root.
	 */
	static final Path DEFAULT_RESULTS = Path.of("docs", "benchmark-results.md");

	static final String USAGE = """
			Usage: java -jar src/benchmark/harness/target/migrations-benchmark.jar [options]
			  --runs N               measured runs per cell (default 5)
			  --sizes 10,100,1000,10000  numbers of revisions (default 10,100,1000,10000; above 1,000 only
			                         this starter and the application without a tool, no-op only)
			  --databases h2,postgresql
			  --scenarios noop,noop-open,apply,endpoint,pairs
			                         pairs: the starter's own cost, as paired differences (see --pairs)
			                         noop-open: no-op starts that open the database before the migration step
			  --endpoint-rows N      history rows for the endpoint latency cell (default 10000)
			  --endpoint-requests N  measured requests (default 300)
			  --pairs N              rounds of the paired cell (default 30): this starter, the starter switched
			                         off, the application without it, and the floor (its check by hand), no-op
			  --pairs-revisions N    revisions of the paired cell (default 1000)
			  --pairs-off KEY=VALUE  how the paired cell's second way switches the starter off (default
			                         migrations.enabled=false; migrations.mode=none keeps its beans, runs nothing)
			  --no-warmup            skip the unmeasured first round
			  --output FILE          Markdown report (default src/benchmark/harness/target/benchmark-report.md)
			  --results FILE         the results file the run is recorded in, newest first under its
			                         "## Results" (default docs/benchmark-results.md when it exists)
			  --no-results           do not record the run in the results file
			  --work-dir DIR         databases, revisions, logs (default src/benchmark/harness/target/benchmark-work)
			  --keep-work            keep the work directory (process logs) afterwards
			  --java-options "..."   JVM options for every application process, all variants alike (default: none)
			  --smoke                N=10, 1 run, H2 only, small endpoint cell: checks that everything runs
			PostgreSQL: an embedded server, or the one named by MIGRATIONS_BENCH_POSTGRES_URL (admin JDBC URL) with
			MIGRATIONS_BENCH_POSTGRES_USER / MIGRATIONS_BENCH_POSTGRES_PASSWORD.""";

	static Options parse(String[] args, Path target) {
		int runs = 5;
		List<Integer> sizes = List.of(10, 100, 1000, 10000);
		List<String> databases = List.of("h2", "postgresql");
		List<String> scenarios = List.of("noop", "noop-open", "apply", "endpoint", "pairs");
		int pairs = 30;
		int pairsRevisions = 1000;
		String pairsOff = "migrations.enabled=false";
		int endpointRows = 10_000;
		int endpointRequests = 300;
		boolean warmup = true;
		boolean keepWork = false;
		List<String> javaOptions = List.of();
		Path output = target.resolve("benchmark-report.md");
		Path work = target.resolve("benchmark-work");
		Path results = Files.isRegularFile(DEFAULT_RESULTS) ? DEFAULT_RESULTS : null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
				case "--databases" -> databases = List.of(args[++i].split(","));
				case "--scenarios" -> scenarios = List.of(args[++i].split(","));
				case "--endpoint-rows" -> endpointRows = Integer.parseInt(args[++i]);
				case "--endpoint-requests" -> endpointRequests = Integer.parseInt(args[++i]);
				case "--pairs" -> pairs = Integer.parseInt(args[++i]);
				case "--pairs-revisions" -> pairsRevisions = Integer.parseInt(args[++i]);
				case "--pairs-off" -> pairsOff = args[++i];
				case "--no-warmup" -> warmup = false;
				case "--output" -> output = Path.of(args[++i]);
				case "--results" -> results = Path.of(args[++i]);
				case "--no-results" -> results = null;
				case "--work-dir" -> work = Path.of(args[++i]);
				case "--keep-work" -> keepWork = true;
				case "--java-options" -> javaOptions = Arrays.stream(args[++i].trim().split("\\s+"))
					.filter((option) -> !option.isEmpty())
					.toList();
				case "--smoke" -> {
					runs = 1;
					sizes = List.of(10);
					databases = List.of("h2");
					endpointRows = 30;
					endpointRequests = 20;
					pairs = 2;
					warmup = false;
				}
				case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		for (String database : databases) {
			if (!database.equals("h2") && !database.equals("postgresql")) {
				throw new IllegalArgumentException("Unknown database " + database + "\n" + USAGE);
			}
		}
		for (String scenario : scenarios) {
			// A misspelt scenario would otherwise run nothing, silently.
			if (!List.of("noop", "noop-open", "apply", "endpoint", "pairs").contains(scenario)) {
				throw new IllegalArgumentException("Unknown scenario " + scenario + "\n" + USAGE);
			}
		}
		if (runs < 1) {
			throw new IllegalArgumentException("--runs must be at least 1");
		}
		if (pairs < 1) {
			throw new IllegalArgumentException("--pairs must be at least 1");
		}
		if (!pairsOff.matches("[\\w.-]+=.*")) {
			throw new IllegalArgumentException("--pairs-off must be KEY=VALUE, not " + pairsOff);
		}
		if (pairsRevisions < 1) {
			throw new IllegalArgumentException("--pairs-revisions must be at least 1");
		}
		return new Options(runs, sizes, databases, scenarios, endpointRows, endpointRequests, warmup, output, work,
				keepWork, javaOptions, pairs, pairsRevisions, pairsOff, results, List.of(args));
	}

}
