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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown report: the machine, the targets of issue 7 checked against this run, and
 * a table per scenario with medians (min–max) and the starter's ratios to each other
 * variant.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Report {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Options options;

	private final Results results;

	private final Launcher launcher;

	private final String postgres;

	private final Instant started;

	private final Duration took;

	private final StringBuilder out = new StringBuilder();

	Report(Options options, Results results, Launcher launcher, String postgres, Instant started, Duration took) {
		this.options = options;
		this.results = results;
		this.launcher = launcher;
		this.postgres = postgres;
		this.started = started;
		this.took = took;
	}

	String render() {
		line("# Benchmark: migrations vs Spring Boot's Liquibase and Flyway integrations");
		line();
		line("Run " + TIME.format(this.started) + ", " + this.took.toMinutes() + " min " + this.took.toSecondsPart()
				+ " s; " + this.options.runs() + " measured run(s) per cell, variants interleaved round by round; "
				+ "every number is the median with (min–max).");
		line();
		line("- Machine: " + Machine.describe());
		line("- Load average (1, 5, 15 min) during the run: " + String.join("; ", this.results.loadSamples()));
		if (this.postgres != null) {
			line("- " + this.postgres);
		}
		line("- " + versions());
		line("- JVM options of the application processes: "
				+ (this.options.javaOptions().isEmpty() ? "none (the JVM's defaults)"
						: "`" + String.join(" ", this.options.javaOptions()) + "` (all variants alike)"));
		line();
		targets();
		if (this.options.scenarios().contains(Results.NOOP)) {
			scenario(Results.NOOP, "1. No-op start (database already at head)", List.of(Variant.MIGRATIONS,
					Variant.LIQUIBASE, Variant.FLYWAY, Variant.NONE, Variant.NONE_ACTUATOR));
		}
		if (this.options.scenarios().contains(Results.NOOP_OPEN)) {
			scenario(Results.NOOP_OPEN, "1b. No-op start, database opened before the migration step",
					List.of(Variant.MIGRATIONS, Variant.LIQUIBASE, Variant.FLYWAY, Variant.NONE));
		}
		if (this.options.scenarios().contains(Results.APPLY)) {
			scenario(Results.APPLY, "2. Apply N revisions to an empty database",
					List.of(Variant.MIGRATIONS, Variant.LIQUIBASE, Variant.FLYWAY, Variant.PLAIN_JDBC));
		}
		if (this.options.scenarios().contains("endpoint")) {
			endpoint();
		}
		if (this.options.scenarios().contains(Benchmark.PAIRS)) {
			pairs();
		}
		failures();
		definitions();
		return this.out.toString();
	}

	private void targets() {
		line("## Targets (issue 15), from this run");
		line();
		line("| target | database | measured | met |");
		line("|---|---|---|---|");
		List<Integer> sizes = this.options.sizes();
		int top = sizes.stream().mapToInt(Integer::intValue).filter((size) -> size <= Benchmark.LARGE).max().orElse(0);
		int large = sizes.stream().mapToInt(Integer::intValue).filter((size) -> size > Benchmark.LARGE).max().orElse(0);
		boolean noop = this.options.scenarios().contains(Results.NOOP);
		boolean noopOpen = this.options.scenarios().contains(Results.NOOP_OPEN);
		boolean apply = this.options.scenarios().contains(Results.APPLY);
		for (String db : this.options.databases()) {
			if (noop && top > 0) {
				noopTargets(db, top, large);
			}
			if (noopOpen && top > 0) {
				target("no-op step at N=" + top + ", database opened first, ≤ 2% of Boot + Liquibase's", db,
						ratio(Results.NOOP_OPEN, db, top, Variant.LIQUIBASE, Measurement::stepMs), 0.02);
				target("no-op step at N=" + top + ", database opened first, ≤ 5% of Boot + Flyway's", db,
						ratio(Results.NOOP_OPEN, db, top, Variant.FLYWAY, Measurement::stepMs), 0.05);
			}
		}
		for (String db : this.options.databases()) {
			if (apply && top > 0) {
				target("apply N="
						+ top + ": step ≤ 1.2× plain JDBC's statements and inserts alone (on an open " + "connection)",
						db,
						median(Results.APPLY, db, top, Variant.MIGRATIONS, Measurement::stepMs)
							.flatMap((ours) -> median(Results.APPLY, db, top, Variant.PLAIN_JDBC, Measurement::openMs)
								.map((window) -> ours / window)),
						1.2);
				target("apply N=" + top + ": step ≤ 1.2× plain JDBC's step (connecting and reading the files "
						+ "included)", db, ratio(Results.APPLY, db, top, Variant.PLAIN_JDBC, Measurement::stepMs), 1.2);
			}
		}
		for (String db : this.options.databases()) {
			List<Results.Pair> pairs = this.results.pairs(db);
			if (!pairs.isEmpty()) {
				pairedTarget(
						"the starter's CPU per no-op start at N=" + this.options.pairsRevisions() + ", " + pairs.size()
								+ " paired differences (section 4), ms, ≤ 100",
						db, pairs, (pair) -> pair.starter().cpuMs() - pair.without().cpuMs(), 100);
				pairedTarget(
						"no-op whole start at N=" + this.options.pairsRevisions() + ", " + pairs.size()
								+ " paired ratios (section 4), ≤ 1.05×",
						db, pairs, (pair) -> pair.starter().wallMs() / pair.without().wallMs(), 1.05);
			}
		}
		for (EndpointLatency.Result result : this.results.endpoints()) {
			if (result.database().equals("postgresql") || !this.options.databases().contains("postgresql")) {
				String measured = ((result.unavailable() != null) ? result.unavailable()
						: "p99 " + Stats.number(result.percentile(99)) + " ms")
						+ ((result.note() != null) ? " (" + result.note() + ")" : "");
				String met = (result.unavailable() != null) ? "n/a"
						: (result.percentile(99) < 50) ? "**yes**" : "**no**";
				line("| `GET /actuator/migrations` with " + result.rows() + " history rows: p99 < 50 ms (issue 7) | "
						+ result.database() + " | " + measured + " | " + met + " |");
			}
		}
		line();
	}

	/**
	 * The targets of the no-op cells of one database.
	 * @param db the db
	 * @param large the large
	 * @param top the top
	 */
	private void noopTargets(String db, int top, int large) {
		target("no-op whole start (process wall) at N=" + top + " ≤ 1.05× the same application without the starter "
				+ "(both with the actuator)", db,
				ratio(Results.NOOP, db, top, Variant.NONE_ACTUATOR, Measurement::wallMs), 1.05);
		Optional<Double> cpu = median(Results.NOOP, db, top, Variant.MIGRATIONS, Measurement::cpuMs)
			.flatMap((ours) -> median(Results.NOOP, db, top, Variant.NONE_ACTUATOR, Measurement::cpuMs)
				.map((theirs) -> ours - theirs));
		line("| the starter's CPU time per no-op start at N=" + top + " (process CPU, all threads, over the same "
				+ "application without it) ≤ 100 ms | " + db + " | "
				+ cpu.map((value) -> Stats.number(value) + " ms").orElse("not measured") + " | "
				+ cpu.map((value) -> (value <= 100) ? "**yes**" : "**no**").orElse("n/a") + " |");
		target("no-op step at N=" + top + " ≤ 2% of Boot + Liquibase's", db,
				ratio(Results.NOOP, db, top, Variant.LIQUIBASE, Measurement::stepMs), 0.02);
		target("no-op step at N=" + top + " ≤ 5% of Boot + Flyway's", db,
				ratio(Results.NOOP, db, top, Variant.FLYWAY, Measurement::stepMs), 0.05);
		Optional<Double> rss = median(Results.NOOP, db, top, Variant.MIGRATIONS, Measurement::rssKb)
			.flatMap((ours) -> median(Results.NOOP, db, top, Variant.NONE_ACTUATOR, Measurement::rssKb)
				.map((theirs) -> (ours - theirs) / 1024));
		line("| no-op peak RSS at N=" + top + " ≤ +15 MiB over the same application without the starter | " + db + " | "
				+ rss.map((value) -> String.format(Locale.ROOT, "%+.1f MiB", value)).orElse("not measured") + " | "
				+ rss.map((value) -> (value <= 15) ? "**yes**" : "**no**").orElse("n/a") + " |");
		if (large > 0) {
			for (String what : List.of("step", "process wall", "process CPU")) {
				ToDoubleFunction<Measurement> value = switch (what) {
					case "step" -> Measurement::stepMs;
					case "process wall" -> Measurement::wallMs;
					default -> Measurement::cpuMs;
				};
				Optional<Double> growth = median(Results.NOOP, db, large, Variant.MIGRATIONS, value).flatMap(
						(high) -> median(Results.NOOP, db, top, Variant.MIGRATIONS, value).map((low) -> high / low));
				targetBelow("no-op " + what + " at N=" + large + " < 2× at N=" + top, db, growth, 2.0);
			}
			Optional<Double> openGrowth = median(Results.NOOP_OPEN, db, large, Variant.MIGRATIONS, Measurement::stepMs)
				.flatMap((high) -> median(Results.NOOP_OPEN, db, top, Variant.MIGRATIONS, Measurement::stepMs)
					.map((low) -> high / low));
			targetBelow("no-op step at N=" + large + " < 2× at N=" + top + ", database opened first", db, openGrowth,
					2.0);
		}
	}

	/**
	 * A target judged on paired rounds: met when the upper quartile of the rounds is
	 * within the limit, missed when the lower quartile is beyond it, and otherwise not
	 * resolved by these rounds (the median alone would call noise a result).
	 * @param db the db
	 * @param pairs the pairs
	 * @param value the value
	 * @param what the what
	 * @param limit the limit
	 */
	private void pairedTarget(String what, String db, List<Results.Pair> pairs, ToDoubleFunction<Results.Pair> value,
			double limit) {
		List<Double> values = pairs.stream().map(value::applyAsDouble).toList();
		line("| " + what + " | " + db + " | " + spread(pairs, value) + " | "
				+ verdict(Stats.percentile(values, 25), Stats.percentile(values, 75), limit) + " |");
	}

	static String verdict(double lowerQuartile, double upperQuartile, double limit) {
		if (upperQuartile <= limit) {
			return "**yes**";
		}
		return (lowerQuartile > limit) ? "**no**" : "not resolved: the interquartile range spans the limit";
	}

	private void target(String what, String db, Optional<Double> ratio, double limit) {
		line("| " + what + " | " + db + " | " + ratio.map((value) -> format(value)).orElse("not measured") + " | "
				+ ratio.map((value) -> (value <= limit) ? "**yes**" : "**no**").orElse("n/a") + " |");
	}

	private void targetBelow(String what, String db, Optional<Double> ratio, double limit) {
		line("| " + what + " | " + db + " | " + ratio.map((value) -> format(value)).orElse("not measured") + " | "
				+ ratio.map((value) -> (value < limit) ? "**yes**" : "**no**").orElse("n/a") + " |");
	}

	private void scenario(String scenario, String title, List<Variant> variants) {
		line("## " + title);
		line();
		for (String db : this.options.databases()) {
			line("### " + (db.equals("h2") ? "H2 (file database)" : "PostgreSQL"));
			line();
			// Where the application opens its database first: how long that took; for
			// plain JDBC's apply, its
			// statements and inserts alone.
			boolean open = scenario.equals(Results.NOOP_OPEN) || scenario.equals(Results.APPLY);
			line("| N | variant | migration step (ms) | "
					+ (open ? (scenario.equals(Results.APPLY) ? "statements + inserts alone (ms) | "
							: "opening the database (ms) | ") : "")
					+ "start → ready (ms) | process wall (ms) | process CPU (ms) | peak RSS (MiB) |");
			line("|---:|---|---:|" + (open ? "---:|" : "") + "---:|---:|---:|---:|");
			for (int size : this.options.sizes()) {
				for (Variant variant : variants) {
					Results.Key key = new Results.Key(scenario, db, size, variant);
					line("| " + size + " | " + variant.label() + " | "
							+ cell(key, Measurement::stepMs, 1, !variant.isTool() && variant != Variant.PLAIN_JDBC)
							+ " | "
							+ (open ? cell(key, Measurement::openMs, 1,
									!scenario.equals(Results.NOOP_OPEN) && variant != Variant.PLAIN_JDBC) + " | " : "")
							+ cell(key, Measurement::readyMs, 1, false) + " | "
							+ cell(key, Measurement::wallMs, 1, false) + " | " + cell(key, Measurement::cpuMs, 1, false)
							+ " | " + cell(key, Measurement::rssKb, 1024, false) + " |");
				}
			}
			line();
			List<Variant> others = variants.stream().filter((variant) -> variant != Variant.MIGRATIONS).toList();
			StringBuilder header = new StringBuilder("| N | this starter ÷ … |");
			StringBuilder rule = new StringBuilder("|---:|---|");
			for (Variant other : others) {
				header.append(' ').append(other.label()).append(" |");
				rule.append("---:|");
			}
			line(header.toString());
			line(rule.toString());
			for (int size : this.options.sizes()) {
				ratioRow(scenario, db, size, others, "migration step", Measurement::stepMs, true);
				ratioRow(scenario, db, size, others, "start → ready", Measurement::readyMs, false);
				ratioRow(scenario, db, size, others, "process wall", Measurement::wallMs, false);
				ratioRow(scenario, db, size, others, "process CPU", Measurement::cpuMs, false);
				ratioRow(scenario, db, size, others, "peak RSS", Measurement::rssKb, false);
			}
			line();
		}
	}

	private void ratioRow(String scenario, String db, int size, List<Variant> others, String metric,
			ToDoubleFunction<Measurement> value, boolean toolsOnly) {
		StringBuilder row = new StringBuilder("| " + size + " | " + metric + " |");
		for (Variant other : others) {
			boolean comparable = !toolsOnly || other.isTool() || other == Variant.PLAIN_JDBC;
			row.append(' ')
				.append(comparable ? ratio(scenario, db, size, other, value).map(Report::format).orElse("–") : "–")
				.append(" |");
		}
		line(row.toString());
	}

	private void endpoint() {
		line("## 3. `GET /actuator/migrations` over a long history");
		line();
		line("This starter's application with a web server (Tomcat, `spring-boot-starter-webmvc` added), the history "
				+ "made by applying the revisions once; then sequential requests from one client after a warm-up, each "
				+ "timed until its whole body has arrived.");
		line();
		for (EndpointLatency.Result result : this.results.endpoints()) {
			if (result.note() != null) {
				line("**" + result.database() + "**: measured " + result.note() + ".");
				line();
			}
		}
		line("| database | history rows | warm-up + measured requests | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | "
				+ "body (KiB) | applying the revisions (migration step) |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (EndpointLatency.Result result : this.results.endpoints()) {
			String setup = (result.setup() != null) ? Stats.number(result.setup().stepMs() / 1000) + " s" : "–";
			if (result.unavailable() != null) {
				line("| " + result.database() + " | " + result.rows() + " | " + result.unavailable() + " | | | | | | "
						+ setup + " |");
				continue;
			}
			line("| " + result.database() + " | " + result.rows() + " | " + result.warmup() + " + "
					+ result.latencies().size() + " | " + Stats.number(result.percentile(50)) + " | "
					+ Stats.number(result.percentile(90)) + " | " + Stats.number(result.percentile(99)) + " | "
					+ Stats.number(result.percentile(100)) + " | " + Stats.number(result.bytes() / 1024.0) + " | "
					+ setup + " |");
		}
		line();
	}

	private void pairs() {
		line("## 4. The starter's own cost, paired");
		line();
		line("Rounds of four no-op starts at N = " + this.options.pairsRevisions() + ", one right after the other, the "
				+ "order rotating: this starter's application; the same with `" + this.options.pairsOff() + "` (the "
				+ "starter on the class path, switched off); the application without the starter (with the actuator); and that "
				+ "application doing by hand, once ready, the least a safe no-op check does (the *floor*: read the "
				+ "revision index, check each indexed file against the jar's central directory, read the history's rows "
				+ "and compare their checksums; no Spring, no starter). Each round's differences cancel what the machine "
				+ "does over minutes; the table gives their median and interquartile range.");
		line();
		line("| database | rounds | CPU: starter − without (ms) | CPU: switched off − without (ms) | CPU: floor − "
				+ "without (ms) | wall: starter ÷ without | wall: switched off ÷ without | peak RSS: starter − without "
				+ "(MiB) |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|");
		for (String db : this.options.databases()) {
			List<Results.Pair> pairs = this.results.pairs(db);
			if (pairs.isEmpty()) {
				continue;
			}
			line("| " + db + " | " + pairs.size() + " | "
					+ spread(pairs, (pair) -> pair.starter().cpuMs() - pair.without().cpuMs()) + " | "
					+ spread(pairs, (pair) -> pair.switchedOff().cpuMs() - pair.without().cpuMs()) + " | "
					+ spread(pairs, (pair) -> pair.floor().cpuMs() - pair.without().cpuMs()) + " | "
					+ spread(pairs, (pair) -> pair.starter().wallMs() / pair.without().wallMs()) + " | "
					+ spread(pairs, (pair) -> pair.switchedOff().wallMs() / pair.without().wallMs()) + " | "
					+ spread(pairs, (pair) -> (pair.starter().rssKb() - pair.without().rssKb()) / 1024) + " |");
		}
		line();
		pairedAccounting();
	}

	/**
	 * What the paired CPU difference is made of, from each process's
	 * {@code JvmAccounting} line.
	 */
	private void pairedAccounting() {
		line("### 4b. What the difference is made of");
		line();
		line("The same rounds, each process's own accounting when it was ready: the CPU time of its threads by kind "
				+ "(Linux's per-thread `schedstat`; \"ended\" is the process's CPU less its live threads': the threads "
				+ "that have finished, such as the starter's background reader), and the JVM's performance counters (the "
				+ "ones `jstat` reads). The counters are times that overlap the threads': class loading, linking and "
				+ "static initialisers run on the thread that needs the class (mostly the main thread); the JIT's "
				+ "elapsed time sums its compilations, waits for a CPU included; GC and safepoint times are pauses.");
		line();
		line("| database | figure | starter − without | switched off − without | floor − without | starter (median) |");
		line("|---|---|---:|---:|---:|---:|");
		Map<String, ToDoubleFunction<Measurement>> figures = new LinkedHashMap<>();
		figures.put("process CPU (ms)", Measurement::cpuMs);
		figures.put("main thread CPU (ms)", (m) -> m.jvm("main_cpu_ms"));
		figures.put("main thread CPU in the starter's beans: the step as CPU (ms)", (m) -> m.jvm("tool_beans_cpu_ms"));
		figures.put("main thread CPU outside them (ms)", (m) -> m.jvm("main_cpu_ms") - m.jvm("tool_beans_cpu_ms"));
		figures.put("C1 compiler threads CPU (ms)", (m) -> m.jvm("c1_cpu_ms"));
		figures.put("C2 compiler threads CPU (ms)", (m) -> m.jvm("c2_cpu_ms"));
		figures.put("GC threads CPU (ms)", (m) -> m.jvm("gc_cpu_ms"));
		figures.put("VM thread CPU (ms)", (m) -> m.jvm("vm_cpu_ms"));
		figures.put("other live threads CPU (ms)", (m) -> m.jvm("other_cpu_ms"));
		figures.put("ended threads CPU (ms)", (m) -> m.jvm("ended_cpu_ms"));
		figures.put("JIT compilations, elapsed (ms)", (m) -> m.jvm("jit_elapsed_ms"));
		figures.put("class loading (ms)", (m) -> m.jvm("class_load_ms"));
		figures.put("class linking and verifying (ms)", (m) -> m.jvm("class_link_ms"));
		figures.put("static initialisers (ms)", (m) -> m.jvm("class_init_ms"));
		figures.put("GC pauses (ms)", (m) -> m.jvm("gc_ms"));
		figures.put("safepoints (ms)", (m) -> m.jvm("safepoint_ms"));
		figures.put("loaded classes", (m) -> m.jvm("classes"));
		for (String db : this.options.databases()) {
			List<Results.Pair> pairs = this.results.pairs(db);
			if (pairs.isEmpty() || Double.isNaN(pairs.get(0).starter().jvm("classes"))) {
				continue;
			}
			for (Map.Entry<String, ToDoubleFunction<Measurement>> figure : figures.entrySet()) {
				ToDoubleFunction<Measurement> value = figure.getValue();
				line("| " + db + " | " + figure.getKey() + " | "
						+ spread(pairs,
								(pair) -> value.applyAsDouble(pair.starter()) - value.applyAsDouble(pair.without()))
						+ " | "
						+ spread(pairs,
								(pair) -> value.applyAsDouble(pair.switchedOff()) - value.applyAsDouble(pair.without()))
						+ " | "
						+ spread(pairs,
								(pair) -> value.applyAsDouble(pair.floor()) - value.applyAsDouble(pair.without()))
						+ " | " + Stats.number(medianOf(pairs, (pair) -> value.applyAsDouble(pair.starter()))) + " |");
			}
		}
		line();
		line("The JIT compilers work through a queue of methods that never empties while an application starts, so "
				+ "their CPU time until ready grows with the time to ready, whatever made it longer. Across every "
				+ "process of the cell (all four ways), a least-squares fit of the C1 and C2 threads' CPU on the time "
				+ "from the JVM's start to ready:");
		line();
		line("| database | processes | JIT CPU per ms to ready (slope) | correlation | the starter's start → ready − "
				+ "without's (ms, median) | JIT CPU that explains (ms) |");
		line("|---|---:|---:|---:|---:|---:|");
		for (String db : this.options.databases()) {
			List<Results.Pair> pairs = this.results.pairs(db);
			if (pairs.isEmpty() || Double.isNaN(pairs.get(0).starter().jvm("c2_cpu_ms"))) {
				continue;
			}
			List<double[]> points = new ArrayList<>();
			for (Results.Pair pair : pairs) {
				for (Measurement m : List.of(pair.starter(), pair.switchedOff(), pair.without(), pair.floor())) {
					points.add(new double[] { m.readyMs(), m.jvm("c1_cpu_ms") + m.jvm("c2_cpu_ms") });
				}
			}
			double[] fit = Stats.fit(points);
			double longer = medianOf(pairs, (pair) -> pair.starter().readyMs() - pair.without().readyMs());
			line("| " + db + " | " + points.size() + " | " + Stats.number(fit[0]) + " | " + Stats.number(fit[1]) + " | "
					+ Stats.number(longer) + " | " + Stats.number(fit[0] * longer) + " |");
		}
		line();
	}

	private static double medianOf(List<Results.Pair> pairs, ToDoubleFunction<Results.Pair> value) {
		return Stats.percentile(pairs.stream().map(value::applyAsDouble).toList(), 50);
	}

	/**
	 * The median and, in parentheses, the interquartile range.
	 * @param pairs the pairs
	 * @param value the value
	 * @return the string
	 */
	private static String spread(List<Results.Pair> pairs, ToDoubleFunction<Results.Pair> value) {
		List<Double> values = pairs.stream().map(value::applyAsDouble).toList();
		return Stats.number(Stats.percentile(values, 50)) + " (" + Stats.number(Stats.percentile(values, 25)) + " to "
				+ Stats.number(Stats.percentile(values, 75)) + ")";
	}

	private void failures() {
		if (this.results.failures().isEmpty()) {
			return;
		}
		line("## Failures");
		line();
		for (Map.Entry<Results.Key, String> failure : this.results.failures().entrySet()) {
			Results.Key key = failure.getKey();
			String first = Benchmark.firstLine(failure.getValue());
			line("- " + key.scenario() + ", " + key.database() + ", N=" + key.revisions() + ", " + key.variant().label()
					+ ": " + first);
		}
		line();
	}

	private void definitions() {
		line("## What the numbers are");
		line();
		line("- Every variant is the same application (`BenchmarkApp`: no beans of its own, "
				+ "`WebApplicationType.NONE`, default settings) started as a JVM process of its own; only its class path "
				+ "differs: this starter; `spring-boot-starter-liquibase`; `spring-boot-starter-flyway` + "
				+ "`flyway-database-postgresql`; `spring-boot-starter-jdbc` only (no migration tool); the same plus "
				+ "`spring-boot-starter-actuator`, which this starter brings (a reference point). Each application, "
				+ "once ready, runs one query on its database (`" + Revisions.QUERY + "`), as any application does.");
		line("- Revisions: N files of one statement each, cycling through `CREATE TABLE` (3 columns, primary key), "
				+ "`ALTER TABLE … ADD COLUMN` and `CREATE INDEX`; the same statements in each tool's own format, on the "
				+ "class path where the tool looks by default (`db/migrations/NNNN_slug.sql`; a master "
				+ "`db/changelog/db.changelog-master.yaml` including one formatted-SQL file per revision; "
				+ "`db/migration/V{n}__slug.sql`).");
		line("- **migration step**: measured inside the process with Spring's `BufferingApplicationStartup`: the "
				+ "outermost `spring.beans.instantiate` steps of the tool's beans (names containing `migrat`, "
				+ "`liquibase`, `flyway`), summed: the migration itself, its connection, and the beans the tool "
				+ "creates. For plain JDBC: opening the connection to the last history insert, files read included.");
		line("- **start → ready**: from the JVM's start (`RuntimeMXBean.getStartTime()`) to the application being "
				+ "ready and having run its query. **process wall**: from starting the process to its exit, measured "
				+ "by the harness (the application exits as soon as it is ready). **process CPU**: CPU time of all the "
				+ "process's threads (JIT compilers and GC included) until ready, less sensitive than the times to other "
				+ "work on the machine. **peak RSS**: `VmHWM` of `/proc/self/status` just before exiting.");
		line("- No-op cells start on the database the first apply run of the same variant left at head (the variants "
				+ "without a tool on the one plain JDBC migrated). Apply cells start on a new empty database each run.");
		line("- No-op cells with the database opened first (section 1b): the same databases at head, rounds and runs as "
				+ "the no-op cells, right after them; the application opens (and closes) one connection of its "
				+ "`DataSource` as soon as the `DataSource` bean exists, for every variant alike (a `BeanPostProcessor`, "
				+ "system property `benchmark.open-database-first`), so the database is open (H2 has read its schema; "
				+ "the pool and the JDBC driver are started) before any migration tool runs. The migration step then "
				+ "counts the tool's own work: where the `dataSource` bean is created inside a tool bean's creation, "
				+ "that bean's `spring.beans.instantiate` step (the opening included) is subtracted from it. **opening "
				+ "the database**: that one connection, opened and closed, inside the process. The whole-start numbers "
				+ "(start → ready, process wall, CPU, RSS) include the opening as before.");
		line("- Plain JDBC: no Spring, one connection, auto-commit, each revision's statement then one `INSERT` "
				+ "into a history table (the lower limit).");
		line("- Ratios are of medians: below 1 the starter is faster or smaller.");
	}

	private String cell(Results.Key key, ToDoubleFunction<Measurement> metric, double scale, boolean notApplicable) {
		if (notApplicable) {
			return "–";
		}
		Optional<String> failure = this.results.failure(key);
		Optional<Stats> stats = this.results.stats(key, metric);
		if (stats.isPresent()) {
			return stats.get().format(scale);
		}
		return failure.isPresent() ? "failed" : "–";
	}

	private Optional<Double> median(String scenario, String db, int size, Variant variant,
			ToDoubleFunction<Measurement> metric) {
		return this.results.stats(new Results.Key(scenario, db, size, variant), metric).map(Stats::median);
	}

	private Optional<Double> ratio(String scenario, String db, int size, Variant other,
			ToDoubleFunction<Measurement> metric) {
		return median(scenario, db, size, Variant.MIGRATIONS, metric)
			.flatMap((ours) -> median(scenario, db, size, other, metric).filter((theirs) -> theirs > 0)
				.map((theirs) -> ours / theirs));
	}

	private static String format(double ratio) {
		return (ratio < 0.1) ? String.format(Locale.ROOT, "%.3f", ratio) : String.format(Locale.ROOT, "%.2f", ratio);
	}

	private String versions() {
		List<String> parts = new ArrayList<>();
		List<String> all = new ArrayList<>();
		for (String name : List.of("migrations", "liquibase", "flyway", "none")) {
			all.addAll(this.launcher.classpath(name));
		}
		version(all, "spring-boot-(\\d[^/]*)\\.jar", "Spring Boot").ifPresent(parts::add);
		version(all, "liquibase-core-(\\d[^/]*)\\.jar", "Liquibase").ifPresent(parts::add);
		version(all, "flyway-core-(\\d[^/]*)\\.jar", "Flyway").ifPresent(parts::add);
		version(all, "h2-(\\d[^/]*)\\.jar", "H2").ifPresent(parts::add);
		version(all, "postgresql-(\\d[^/]*)\\.jar", "PostgreSQL JDBC").ifPresent(parts::add);
		all.stream()
			.filter((entry) -> entry.contains("migrations-spring-boot-autoconfigure"))
			.findFirst()
			.ifPresent((jar) -> {
				try {
					Path path = Path.of(jar);
					parts.add("this starter: " + path.getFileName() + " built "
							+ TIME.format(Files.getLastModifiedTime(path).toInstant()));
				}
				catch (java.io.IOException ex) {
					parts.add("this starter: " + jar);
				}
			});
		return "Versions: " + String.join(", ", parts);
	}

	private static Optional<String> version(List<String> entries, String pattern, String name) {
		Pattern compiled = Pattern.compile(pattern);
		for (String entry : entries) {
			Matcher matcher = compiled.matcher(Path.of(entry).getFileName().toString());
			if (matcher.matches()) {
				return Optional.of(name + " " + matcher.group(1));
			}
		}
		return Optional.empty();
	}

	private void line(String text) {
		this.out.append(text).append('\n');
	}

	private void line() {
		this.out.append('\n');
	}

}
