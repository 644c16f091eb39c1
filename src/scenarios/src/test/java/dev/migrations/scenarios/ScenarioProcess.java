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

package dev.migrations.scenarios;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.util.FileSystemUtils;

/**
 * A {@link ScenarioApp} running as a JVM of its own, on this JVM's class path, in a
 * working directory of its own under {@code target/scenarios} (backups land there). Its
 * standard output and error go to {@code output.log} in that directory, which the test
 * reads.
 */
final class ScenarioProcess implements AutoCloseable {

	private static final Path WORK = Path.of("target", "scenarios");

	private final String name;

	private final Process process;

	private final Path log;

	private ScenarioProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Start the application.
	 * @param name a name for the log file and messages, unique within the test run
	 * @param arguments the application arguments, e.g.
	 * {@code --spring.datasource.url=...}
	 * @return the running process
	 */
	static ScenarioProcess start(String name, List<String> arguments) {
		return start(name, ScenarioApp.class, arguments);
	}

	/**
	 * Start an application.
	 * @param name a name for the log file and messages, unique within the test run
	 * @param application the application's main class
	 * @param arguments the application arguments, e.g.
	 * {@code --spring.datasource.url=...}
	 * @return the running process
	 */
	static ScenarioProcess start(String name, Class<?> application, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Start fast: these processes live for seconds and several start at once on a
		// small machine.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(classPath());
		command.add(application.getName());
		command.addAll(arguments);
		try {
			Path directory = WORK.resolve(name);
			FileSystemUtils.deleteRecursively(directory);
			Files.createDirectories(directory);
			Path log = directory.resolve("output.log");
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			return new ScenarioProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start scenario application " + name, ex);
		}
	}

	// Absolute, as the process runs in a directory of its own.
	private static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	String name() {
		return this.name;
	}

	/**
	 * Everything the process printed so far.
	 * @return the output
	 */
	String output() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean printed(String text) {
		return output().contains(text);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Wait until the application has started and printed {@link ScenarioApp#READY}.
	 * @param timeout how long to wait
	 * @return this process
	 */
	ScenarioProcess awaitReady(Duration timeout) {
		Await.until(timeout, this.name + " printed " + ScenarioApp.READY, () -> {
			if (printed(ScenarioApp.READY)) {
				return true;
			}
			if (!isAlive()) {
				throw new AssertionError(this.name + " exited with status " + this.process.exitValue()
						+ " before it was ready:\n" + output());
			}
			return false;
		}, this::output);
		return this;
	}

	/**
	 * Wait for the process to exit.
	 * @param timeout how long to wait
	 * @return the exit status
	 */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(this.name + " did not exit within " + timeout + ":\n" + output());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.process.exitValue();
	}

	/**
	 * Kill the process with SIGKILL, as {@code kill -9} does, and wait until it is gone.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " survived SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
