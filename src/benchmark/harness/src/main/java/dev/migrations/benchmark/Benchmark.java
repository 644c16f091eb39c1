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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.benchmark.app.BenchmarkApp;
import dev.migrations.benchmark.app.FloorCheck;

/**
 * The benchmark of issue 7: no-op starts (also with the database opened before the
 * migration step) and applying N revisions with this starter, Spring Boot's Liquibase and
 * Flyway integrations, plain JDBC and no migration tool, each a process of its own,
 * interleaved round by round; then the latency of {@code GET /actuator/migrations} over a
 * long history. Writes a Markdown report and records the run in the results file.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class Benchmark {

	private static final List<Variant> APPLY = List.of(Variant.MIGRATIONS, Variant.LIQUIBASE, Variant.FLYWAY,
			Variant.PLAIN_JDBC);

	private static final List<Variant> NOOP = List.of(Variant.MIGRATIONS, Variant.LIQUIBASE, Variant.FLYWAY,
			Variant.NONE, Variant.NONE_ACTUATOR);

	private static final List<Variant> NOOP_OPEN = List.of(Variant.MIGRATIONS, Variant.LIQUIBASE, Variant.FLYWAY,
			Variant.NONE);

	/**
	 * Above this many revisions only this starter and the application without a tool run
	 * (the cell tells how the no-op start grows): applying 10,000 revisions five times
	 * with every tool would take most of an hour.
	 */
	static final int LARGE = 1000;

	private static final List<Variant> APPLY_LARGE = List.of(Variant.MIGRATIONS, Variant.PLAIN_JDBC);

	private static final List<Variant> NOOP_LARGE = List.of(Variant.MIGRATIONS, Variant.NONE_ACTUATOR);

	private static final List<Variant> NOOP_OPEN_LARGE = List.of(Variant.MIGRATIONS, Variant.NONE);

	/**
	 * What makes an application open its database before the migration step, in the
	 * no-op-open cells.
	 */
	private static final List<String> OPEN_FIRST = List.of("-D" + BenchmarkApp.OPEN_DATABASE_FIRST + "=true");

	private final Options options;

	private final Results results = new Results();

	private Launcher launcher;

	private Databases databases;

	Benchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args, Launcher.harnessTarget());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		new Benchmark(options).run();
	}

	/**
	 * Run everything the options ask for, write the report and record the run in the
	 * results file.
	 * @return the report's text
	 */
	String run() {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		Instant started = Instant.now();
		Path work = this.options.workDirectory().toAbsolutePath();
		Databases.deleteRecursively(work);
		try {
			Files.createDirectories(work.resolve("logs"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.launcher = new Launcher(work, this.options.javaOptions());
		// Resolved now: the starter's snapshot jars are copied once, before anything
		// runs.
		Variant.allClasspaths().forEach(this.launcher::classpath);
		String report;
		try (Databases databases = new Databases(work.resolve("databases"))) {
			this.databases = databases;
			this.results.sampleLoad("start");
			if (this.options.warmup()) {
				warmup(work);
			}
			boolean startCells = this.options.scenarios().contains(Results.NOOP)
					|| this.options.scenarios().contains(Results.NOOP_OPEN)
					|| this.options.scenarios().contains(Results.APPLY);
			for (String database : this.options.databases()) {
				for (int size : this.options.sizes()) {
					if (startCells) {
						group(work, database, size);
					}
				}
			}
			if (this.options.scenarios().contains("endpoint")) {
				for (String database : this.options.databases()) {
					endpoint(work, database);
				}
			}
			if (this.options.scenarios().contains(PAIRS)) {
				for (String database : this.options.databases()) {
					pairs(work, database);
				}
			}
			this.results.sampleLoad("end");
			report = new Report(this.options, this.results, this.launcher, databases.postgresDescription(), started,
					Duration.between(started, Instant.now()))
				.render();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write(this.options.output(), report);
		System.out.println();
		System.out.println(report);
		System.out.println("Report written to " + this.options.output().toAbsolutePath());
		if (this.options.results() != null) {
			ResultsFile.record(this.options.results(),
					ResultsFile.runHeading(started, ResultsFile.commit(), this.options.arguments()), report);
			System.out.println("Run recorded in " + this.options.results().toAbsolutePath());
		}
		if (!this.options.keepWork()) {
			Databases.deleteRecursively(work);
		}
		return report;
	}

	private void warmup(Path work) {
		progress("warm-up: one unmeasured round of every variant on H2 with 10 revisions");
		Revisions revisions = new Revisions(10);
		Path directory = work.resolve("warmup");
		Map<Variant, Path> plainFiles = new EnumMap<>(Variant.class);
		for (Variant variant : Variant.values()) {
			plainFiles.put(variant, write(revisions, variant, resources(directory, variant)));
		}
		Map<Variant, Database> atHead = new EnumMap<>(Variant.class);
		for (Variant variant : APPLY) {
			Database database = this.databases.create("h2");
			this.launcher.run(variant, database, jar(directory, variant), plainFiles.get(variant),
					"warmup-apply-" + name(variant));
			atHead.put(variant, database);
		}
		for (Variant variant : NOOP) {
			this.launcher.run(variant, atHead.get(headOf(variant)), jar(directory, variant), null,
					"warmup-noop-" + name(variant));
		}
		atHead.values().forEach(this.databases::drop);
		Databases.deleteRecursively(directory);
	}

	/**
	 * One database and one N: the apply rounds (each run on a new database; the first
	 * run's database of each variant is kept at head), then the no-op rounds on those
	 * databases, then the no-op rounds that open the database first.
	 * @param kind the kind
	 * @param size the size
	 * @param work the work
	 */
	private void group(Path work, String kind, int size) {
		this.results.sampleLoad(kind + " N=" + size);
		Revisions revisions = new Revisions(size);
		Path directory = work.resolve(kind + "-" + size);
		Map<Variant, Path> plainFiles = new EnumMap<>(Variant.class);
		for (Variant variant : Variant.values()) {
			plainFiles.put(variant, write(revisions, variant, resources(directory, variant)));
		}
		Map<Variant, Database> atHead = new EnumMap<>(Variant.class);
		boolean large = size > LARGE;
		boolean measureApply = this.options.scenarios().contains(Results.APPLY) && !large;
		int applyRuns = measureApply ? this.options.runs() : 1;
		for (int round = 0; round < applyRuns; round++) {
			for (Variant variant : rotate(large ? APPLY_LARGE : APPLY, round)) {
				Results.Key key = new Results.Key(Results.APPLY, kind, size, variant);
				Database database = this.databases.create(kind);
				boolean kept = false;
				try {
					Measurement measurement = this.launcher.run(variant, database, jar(directory, variant),
							plainFiles.get(variant), kind + "-" + size + "-apply-" + name(variant));
					if (measureApply) {
						this.results.add(key, measurement);
						progress(String.format(Locale.ROOT, "%s N=%d apply %d/%d %-18s step %8.1f ms, wall %7.0f ms",
								kind, size, round + 1, applyRuns, variant.label(), measurement.stepMs(),
								measurement.wallMs()));
					}
					if (!atHead.containsKey(variant)) {
						atHead.put(variant, database);
						kept = true;
					}
				}
				catch (RuntimeException ex) {
					this.results.fail(key, ex.getMessage());
					progress("FAILED " + kind + " N=" + size + " apply " + variant.label() + ": "
							+ firstLine(ex.getMessage()));
				}
				finally {
					if (!kept) {
						this.databases.drop(database);
					}
				}
			}
		}
		if (this.options.scenarios().contains(Results.NOOP)) {
			noop(Results.NOOP, large ? NOOP_LARGE : NOOP, List.of(), kind, size, directory, atHead);
		}
		if (this.options.scenarios().contains(Results.NOOP_OPEN)) {
			noop(Results.NOOP_OPEN, large ? NOOP_OPEN_LARGE : NOOP_OPEN, OPEN_FIRST, kind, size, directory, atHead);
		}
		atHead.values().forEach(this.databases::drop);
		Databases.deleteRecursively(directory);
	}

	/**
	 * The no-op rounds of one scenario on the databases at head.
	 * @param jvmOptions what the application processes get in addition, all variants
	 * alike
	 * @param kind the kind
	 * @param scenario the scenario
	 * @param size the size
	 * @param variants the variants
	 * @param atHead the at head
	 * @param directory the directory
	 */
	private void noop(String scenario, List<Variant> variants, List<String> jvmOptions, String kind, int size,
			Path directory, Map<Variant, Database> atHead) {
		boolean openFirst = scenario.equals(Results.NOOP_OPEN);
		String what = openFirst ? "no-op, opened first," : "no-op";
		for (int round = 0; round < this.options.runs(); round++) {
			for (Variant variant : rotate(variants, round)) {
				Results.Key key = new Results.Key(scenario, kind, size, variant);
				Database database = atHead.get(headOf(variant));
				if (database == null) {
					this.results.fail(key, "no database at head: applying the revisions failed");
					continue;
				}
				try {
					Measurement measurement = this.launcher.run(variant, database, jar(directory, variant), null,
							kind + "-" + size + "-" + scenario + "-" + name(variant), jvmOptions);
					this.results.add(key, measurement);
					progress(String.format(Locale.ROOT, "%s N=%d %s %d/%d %-18s step %8.1f ms, wall %7.0f ms%s", kind,
							size, what, round + 1, this.options.runs(), variant.label(), measurement.stepMs(),
							measurement.wallMs(),
							openFirst ? String.format(Locale.ROOT, ", open %6.1f ms", measurement.openMs()) : ""));
				}
				catch (RuntimeException ex) {
					this.results.fail(key, ex.getMessage());
					progress("FAILED " + kind + " N=" + size + " " + what + " " + variant.label() + ": "
							+ firstLine(ex.getMessage()));
				}
			}
		}
	}

	private void endpoint(Path work, String kind) {
		int rows = this.options.endpointRows();
		this.results.sampleLoad(kind + " endpoint");
		EndpointLatency.Result result;
		try {
			result = endpoint(work, kind, rows, List.of(), null);
		}
		catch (RuntimeException ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains("StackOverflowError")) {
				result = new EndpointLatency.Result(kind, rows, 0, List.of(), 0, null,
						"failed: " + firstLine(ex.getMessage()), null);
				this.results.add(result);
				progress("FAILED " + kind + " endpoint: " + firstLine(ex.getMessage()));
				return;
			}
			// Reported as it is, then measured again with a larger stack so that the
			// latency is known all the same.
			String where = firstFrame(ex.getMessage());
			progress("FAILED " + kind + " endpoint with the JVM's default thread stack: StackOverflowError" + where
					+ "; measuring again with -Xss64m");
			String note = "with `-Xss64m`: with the JVM's default thread stack the application fails to start "
					+ "(`StackOverflowError`" + where + ")";
			try {
				result = endpoint(work, kind, rows, List.of("-Xss64m"), note);
			}
			catch (RuntimeException again) {
				result = new EndpointLatency.Result(kind, rows, 0, List.of(), 0, null,
						"failed: " + firstLine(again.getMessage()), note);
			}
		}
		this.results.add(result);
		progress((result.unavailable() != null) ? kind + ": " + result.unavailable()
				: String.format(Locale.ROOT, "%s: GET /actuator/migrations p50 %.1f ms, p99 %.1f ms", kind,
						result.percentile(50), result.percentile(99)));
	}

	/**
	 * Apply the revisions with this starter on a new database, then start it with a web
	 * server and measure the endpoint.
	 * @param jvmOptions the jvm options
	 * @param kind the kind
	 * @param note the note
	 * @param rows the rows
	 * @param work the work
	 * @return the endpoint latency result
	 * @throws RuntimeException if the application fails to start
	 */
	private EndpointLatency.Result endpoint(Path work, String kind, int rows, List<String> jvmOptions, String note) {
		progress(kind + ": applying " + rows + " revisions with this starter for the endpoint cell"
				+ (jvmOptions.isEmpty() ? "" : " (" + String.join(" ", jvmOptions) + ")"));
		Revisions revisions = new Revisions(rows);
		Path directory = work.resolve(kind + "-endpoint");
		write(revisions, Variant.MIGRATIONS, resources(directory, Variant.MIGRATIONS));
		Path resources = jar(directory, Variant.MIGRATIONS);
		Database database = this.databases.create(kind);
		try {
			Measurement setup = this.launcher.run(Variant.MIGRATIONS, database, resources, null,
					kind + "-endpoint-apply", jvmOptions);
			progress(String.format(Locale.ROOT, "%s: applied %d revisions in %.0f ms (migration step)", kind, rows,
					setup.stepMs()));
			Launcher.Running app = this.launcher.serve(database, resources, kind + "-endpoint-serve", jvmOptions);
			try {
				return EndpointLatency.measure(kind, rows, app.port(), this.options.endpointRequests(), setup, note);
			}
			finally {
				app.awaitExit();
			}
		}
		finally {
			this.databases.drop(database);
			Databases.deleteRecursively(directory);
		}
	}

	/**
	 * Write a variant's revision files; for this starter also the revision index, as its
	 * application's build would.
	 * @param resources the resources
	 * @param revisions the revisions
	 * @param variant the variant
	 * @return the path
	 */
	private Path write(Revisions revisions, Variant variant, Path resources) {
		Path files = revisions.write(variant, resources);
		if (variant == Variant.MIGRATIONS) {
			this.launcher.writeRevisionIndex(resources);
		}
		ClasspathJar.pack(resources, resources.resolveSibling(JAR));
		return files;
	}

	/**
	 * The jar a variant's process gets on its class path: its revision files packaged as
	 * in a deployed application, where every tool reads them from a jar.
	 * @param directory the directory
	 * @param variant the variant
	 * @return the path
	 */
	private static Path jar(Path directory, Variant variant) {
		return resources(directory, variant).resolveSibling(JAR);
	}

	/**
	 * The paired cell: the starter's own cost as differences of starts taken one right
	 * after the other.
	 */
	static final String PAIRS = "pairs";

	/**
	 * The paired cell: rounds of four no-op starts at N = {@code --pairs-revisions}
	 * (1,000), one right after the other in a rotating order — this starter, the same
	 * switched off ({@code --pairs-off}), the application without it (with the actuator),
	 * and that application doing by hand the least a safe no-op check does
	 * ({@link FloorCheck}) — so that each round's differences cancel what the machine
	 * does over minutes. The medians of those differences are the starter's cost; the
	 * switched-off one splits it into being on the class path and migrating, and the
	 * floor tells what any check of the revisions against the history costs.
	 * @param kind the kind
	 * @param work the work
	 */
	private void pairs(Path work, String kind) {
		this.results.sampleLoad(kind + " pairs");
		Revisions revisions = new Revisions(this.options.pairsRevisions());
		Path directory = work.resolve(kind + "-pairs");
		write(revisions, Variant.MIGRATIONS, resources(directory, Variant.MIGRATIONS));
		Path plainFiles = write(revisions, Variant.PLAIN_JDBC, resources(directory, Variant.PLAIN_JDBC));
		write(revisions, Variant.NONE_ACTUATOR, resources(directory, Variant.NONE_ACTUATOR));
		Path starterJar = jar(directory, Variant.MIGRATIONS);
		Database migrated = this.databases.create(kind);
		Database plain = this.databases.create(kind);
		try {
			this.launcher.run(Variant.MIGRATIONS, migrated, starterJar, null, kind + "-pairs-apply-migrations");
			this.launcher.run(Variant.PLAIN_JDBC, plain, jar(directory, Variant.PLAIN_JDBC), plainFiles,
					kind + "-pairs-apply-plain-jdbc");
			List<String> ways = List.of("starter", "switched-off", "without", "floor");
			for (int round = 0; round < this.options.pairs(); round++) {
				Map<String, Measurement> measured = new HashMap<>();
				for (String way : rotate(ways, round)) {
					Measurement measurement = switch (way) {
						case "starter" ->
							this.launcher.run(Variant.MIGRATIONS, migrated, starterJar, null, kind + "-pairs-starter");
						case "switched-off" -> this.launcher.run(Variant.MIGRATIONS, migrated, starterJar, null,
								kind + "-pairs-switched-off", List.of("-D" + this.options.pairsOff()));
						// The starter's revisions and database, without the starter: the
						// floor checks them by hand.
						case "floor" -> this.launcher.run(Variant.NONE_ACTUATOR, migrated, starterJar, null,
								kind + "-pairs-floor", List.of("-D" + FloorCheck.PROPERTY + "=true"));
						default -> this.launcher.run(Variant.NONE_ACTUATOR, plain,
								jar(directory, Variant.NONE_ACTUATOR), null, kind + "-pairs-without");
					};
					measured.put(way, measurement);
				}
				Results.Pair pair = new Results.Pair(measured.get("starter"), measured.get("switched-off"),
						measured.get("without"), measured.get("floor"));
				this.results.add(kind, pair);
				progress(String.format(Locale.ROOT,
						"%s pairs %d/%d: CPU starter %+.0f ms, switched off %+.0f ms over "
								+ "the application without it",
						kind, round + 1, this.options.pairs(), pair.starter().cpuMs() - pair.without().cpuMs(),
						pair.switchedOff().cpuMs() - pair.without().cpuMs()));
			}
		}
		catch (RuntimeException ex) {
			progress("FAILED " + kind + " pairs: " + firstLine(ex.getMessage()));
		}
		finally {
			this.databases.drop(migrated);
			this.databases.drop(plain);
			Databases.deleteRecursively(directory);
		}
	}

	/**
	 * Where in the starter a failure happened: its first stack frame in
	 * {@code dev.migrations}, if any.
	 * @param message the message
	 * @return the string
	 */
	private static String firstFrame(String message) {
		java.util.regex.Matcher frame = java.util.regex.Pattern.compile("at (dev\\.migrations\\.[\\w.$]+)\\(")
			.matcher(message);
		return frame.find() ? " in `" + frame.group(1) + "`" : "";
	}

	/**
	 * The database a no-op variant starts on: the variants without a tool use the one
	 * plain JDBC migrated.
	 * @param variant the variant
	 * @return the variant
	 */
	private static Variant headOf(Variant variant) {
		return (variant == Variant.NONE || variant == Variant.NONE_ACTUATOR) ? Variant.PLAIN_JDBC : variant;
	}

	private static final String JAR = "classes.jar";

	private static Path resources(Path directory, Variant variant) {
		return directory.resolve(name(variant)).resolve("classes");
	}

	private static String name(Variant variant) {
		return variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The variants in a different order each round: rotated, and reversed every other
	 * round, so that no variant always runs first, or always right after the same one.
	 * @param <T> the type of the result
	 * @param list the list
	 * @param round the round
	 * @return the ts
	 */
	static <T> List<T> rotate(List<T> list, int round) {
		List<T> rotated = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			rotated.add(list.get((i + round) % list.size()));
		}
		if (round % 2 == 1) {
			java.util.Collections.reverse(rotated);
		}
		return rotated;
	}

	static String firstLine(String message) {
		return (message != null && message.contains("\n")) ? message.substring(0, message.indexOf('\n')) : message;
	}

	private static void progress(String message) {
		System.out.println("[benchmark " + java.time.LocalTime.now().withNano(0) + "] " + message);
	}

	private static void write(Path file, String text) {
		try {
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
