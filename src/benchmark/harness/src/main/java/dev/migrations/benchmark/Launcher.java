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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.benchmark.app.BenchmarkApp;
import dev.migrations.benchmark.app.JvmAccounting;
import dev.migrations.benchmark.app.PlainJdbcMigration;
import dev.migrations.benchmark.app.ResultLine;
import dev.migrations.benchmark.app.RevisionIndexStep;

/**
 * Starts a variant as a JVM process of its own, with the class path Maven resolved for
 * it, and reads its numbers.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Launcher {

	static final Pattern RESULT = Pattern.compile(ResultLine.PREFIX
			+ " step_ms=(-?[0-9.]+) ready_ms=([0-9]+) rss_kb=(-?[0-9]+) cpu_ms=(-?[0-9]+) port=(-?[0-9]+)"
			+ "(?: open_ms=([0-9.]+))?");

	static final Pattern JVM = Pattern.compile(JvmAccounting.PREFIX + "((?: [a-z0-9_]+=-?[0-9.]+)+)");

	private static final long TIMEOUT_MINUTES = 15;

	private final Path benchmarkDirectory;

	private final Path appClasses;

	private final Path logs;

	private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private final Map<String, List<String>> classpaths = new ConcurrentHashMap<>();

	private final Path snapshots;

	private final List<String> javaOptions;

	private int processes;

	/**
	 * Create a launcher.
	 * @param work where process logs and copies of snapshot jars go
	 * @param javaOptions the java options
	 */
	Launcher(Path work, List<String> javaOptions) {
		this.javaOptions = javaOptions;
		this.appClasses = appClasses();
		// .../harness/target/classes -> .../benchmark
		this.benchmarkDirectory = this.appClasses.getParent().getParent().getParent();
		this.logs = work.resolve("logs");
		this.snapshots = work.resolve("snapshot-jars");
	}

	/**
	 * The resolved class path of one {@code classpaths/<name>} module.
	 * @param name the module
	 * @return its entries
	 */
	List<String> classpath(String name) {
		return this.classpaths.computeIfAbsent(name, (key) -> {
			Path file = this.benchmarkDirectory.resolve("classpaths").resolve(key).resolve("target/classpath.txt");
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException("Missing " + file + ": build the benchmark first with "
						+ "mvn -B -Pbenchmark -DskipTests install -pl src/benchmark/harness -am");
			}
			try {
				List<String> entries = new ArrayList<>();
				for (String entry : Files.readString(file).strip().split(File.pathSeparator)) {
					entries.add(entry.contains("-SNAPSHOT") ? snapshotCopy(Path.of(entry)) : entry);
				}
				return List.copyOf(entries);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * A copy of a snapshot jar (this starter's), taken once per run: a new install into
	 * the local repository while the benchmark runs must not change what later processes
	 * measure.
	 * @param jar the jar
	 * @return the string
	 */
	private String snapshotCopy(Path jar) throws IOException {
		Path copy = this.snapshots.resolve(jar.getFileName());
		synchronized (this) {
			if (!Files.exists(copy)) {
				Files.createDirectories(this.snapshots);
				Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		return copy.toString();
	}

	/**
	 * Run a variant's process to its exit.
	 * @param variant the variant
	 * @param database the database
	 * @param resources the class path directory holding its revisions
	 * @param plainRevisions the revision files, for {@link Variant#PLAIN_JDBC}
	 * @param label names the log file
	 * @return its numbers
	 */
	Measurement run(Variant variant, Database database, Path resources, Path plainRevisions, String label) {
		return run(variant, database, resources, plainRevisions, label, List.of());
	}

	/**
	 * Run a variant's process to its exit, with JVM options of its own.
	 * @param database the database
	 * @param label the label
	 * @param plainRevisions the plain revisions
	 * @param resources the resources
	 * @param variant the variant
	 * @param jvmOptions the jvm options
	 * @return the measurement
	 */
	Measurement run(Variant variant, Database database, Path resources, Path plainRevisions, String label,
			List<String> jvmOptions) {
		Running running = start(variant, database, resources, plainRevisions, label, jvmOptions, List.of());
		return running.awaitExit();
	}

	/**
	 * Start this starter's application with a web server, the migrations endpoint
	 * exposed; it runs until {@link Running#awaitExit()}.
	 * @param database the database
	 * @param jvmOptions the jvm options
	 * @param label the label
	 * @param resources the resources
	 * @return the running
	 */
	Running serve(Database database, Path resources, String label, List<String> jvmOptions) {
		Running running = start(Variant.MIGRATIONS, database, resources, null, label, jvmOptions,
				List.of("-Dbenchmark.serve=true", "-Dserver.port=0", "-Dserver.address=127.0.0.1",
						"-Dmanagement.endpoints.web.exposure.include=migrations"));
		running.awaitResultLine();
		return running;
	}

	private Running start(Variant variant, Database database, Path resources, Path plainRevisions, String label,
			List<String> jvmOptions, List<String> extra) {
		Set<String> entries = new LinkedHashSet<>();
		entries.add(resources.toAbsolutePath().toString());
		entries.add(this.appClasses.toString());
		for (String name : variant.classpaths()) {
			entries.addAll(classpath(name));
		}
		if (!extra.isEmpty()) {
			entries.addAll(classpath("webmvc"));
		}
		List<String> command = new ArrayList<>();
		command.add(this.javaCommand);
		command.addAll(this.javaOptions);
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, entries));
		if (variant == Variant.PLAIN_JDBC) {
			command.add(PlainJdbcMigration.class.getName());
			command.addAll(List.of(database.url(), database.user(), database.password(), plainRevisions.toString()));
		}
		else {
			command.add("-Dspring.datasource.url=" + database.url());
			command.add("-Dspring.datasource.username=" + database.user());
			command.add("-Dspring.datasource.password=" + database.password());
			command.add("-Dbenchmark.tool-beans=" + variant.toolBeans());
			command.add("-Dbenchmark.query=" + Revisions.QUERY);
			command.addAll(extra);
			command.add(BenchmarkApp.class.getName());
		}
		Path log = this.logs.resolve(String.format("%04d-%s.log", ++this.processes, label));
		ProcessBuilder builder = new ProcessBuilder(command).directory(resources.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		try {
			long started = System.nanoTime();
			Process process = builder.start();
			return new Running(process, log, started);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.javaCommand, ex);
		}
	}

	/**
	 * Write the revision index of this starter's revisions into their class path
	 * directory, as the application's build does (the starter's Maven plugin or Spring
	 * AOT): a process on the starter's class path, to its exit.
	 * @param resources the class path directory holding {@code db/migrations/}
	 */
	void writeRevisionIndex(Path resources) {
		Set<String> entries = new LinkedHashSet<>();
		entries.add(this.appClasses.toString());
		entries.addAll(classpath("migrations"));
		List<String> command = List.of(this.javaCommand, "-cp", String.join(File.pathSeparator, entries),
				RevisionIndexStep.class.getName(), resources.toAbsolutePath().toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException("Writing the revision index failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.javaCommand, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The harness module's {@code target} directory, where the report goes by default.
	 * @return the directory
	 */
	static Path harnessTarget() {
		return appClasses().getParent();
	}

	private static Path appClasses() {
		try {
			Path location = Path.of(BenchmarkApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path classes = Files.isDirectory(location) ? location : location.getParent().resolve("classes");
			if (!Files.isDirectory(classes.resolve("dev/migrations/benchmark/app"))) {
				throw new IllegalStateException("Cannot find the benchmark's compiled classes in " + classes
						+ ": run the jar from src/benchmark/harness/target/ after building it");
			}
			return classes.toAbsolutePath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A running process.
	 */
	static final class Running {

		private final Process process;

		private final Path log;

		private final long started;

		private Matcher result;

		Running(Process process, Path log, long started) {
			this.process = process;
			this.log = log;
			this.started = started;
		}

		int port() {
			return Integer.parseInt(this.result.group(5));
		}

		Path log() {
			return this.log;
		}

		void awaitResultLine() {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
			while (this.result == null) {
				this.result = find();
				if (this.result != null) {
					return;
				}
				if (!this.process.isAlive() || System.nanoTime() > deadline) {
					this.process.destroyForcibly();
					throw failure("did not become ready");
				}
				sleep();
			}
		}

		Measurement awaitExit() {
			try {
				this.process.getOutputStream().close();
				if (!this.process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
					this.process.destroyForcibly();
					throw failure("timed out after " + TIMEOUT_MINUTES + " minutes");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
				throw new IllegalStateException("Interrupted", ex);
			}
			double wallMs = (System.nanoTime() - this.started) / 1_000_000.0;
			this.result = find();
			if (this.process.exitValue() != 0 || this.result == null) {
				throw failure("exited with " + this.process.exitValue());
			}
			String open = this.result.group(6);
			return new Measurement(Double.parseDouble(this.result.group(1)), Double.parseDouble(this.result.group(2)),
					wallMs, Double.parseDouble(this.result.group(3)), Double.parseDouble(this.result.group(4)),
					(open != null) ? Double.parseDouble(open) : 0, jvmAccounting());
		}

		/**
		 * The process's {@link JvmAccounting} line, by key; empty if it printed none.
		 * @return the double
		 */
		private Map<String, Double> jvmAccounting() {
			try {
				Matcher matcher = JVM.matcher(Files.readString(this.log));
				if (!matcher.find()) {
					return Map.of();
				}
				Map<String, Double> values = new LinkedHashMap<>();
				for (String field : matcher.group(1).trim().split(" ")) {
					int equals = field.indexOf('=');
					values.put(field.substring(0, equals), Double.parseDouble(field.substring(equals + 1)));
				}
				return values;
			}
			catch (IOException ex) {
				return Map.of();
			}
		}

		private Matcher find() {
			try {
				Matcher matcher = RESULT.matcher(Files.readString(this.log));
				return matcher.find() ? matcher : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

		private IllegalStateException failure(String what) {
			String tail;
			String cause = "";
			try {
				List<String> lines = Files.readAllLines(this.log);
				tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
				// The root cause: the last "Caused by:" line, or else the first line
				// naming an exception or error.
				for (String line : lines) {
					if (line.startsWith("Caused by: ")) {
						cause = line.substring("Caused by: ".length());
					}
					else if (cause.isEmpty() && line.matches("^\\S*(Exception|Error)[:\\s].*")) {
						cause = line;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				tail = "(no output: " + ex.getMessage() + ")";
			}
			String summary = cause.isEmpty() ? "" : " (" + cause.strip() + ")";
			return new IllegalStateException(
					"The process " + what + summary + "; log " + this.log + ", which ends:\n" + tail);
		}

		private static void sleep() {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		}

	}

}
