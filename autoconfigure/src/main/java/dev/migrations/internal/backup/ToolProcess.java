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

package dev.migrations.internal.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A backup tool ({@code pg_dump}, {@code pg_restore}) run as a child process whose life
 * is tied to this JVM's, so that a migrator killed while it takes a backup leaves no tool
 * running on its own.
 * <p>
 * Where {@code /bin/sh} exists the tool runs under a small shell watchdog: the tool's
 * standard input is a pipe from this JVM, which the kernel closes when the JVM ends,
 * however it ends ({@code kill -9} included, when no shutdown hook runs); the watchdog
 * reads that pipe and stops the tool when it closes. A shutdown hook also stops the tool
 * on an orderly exit, and is the only guard where there is no shell.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ToolProcess implements AutoCloseable {

	private static final Path SHELL = Path.of("/bin/sh");

	/**
	 * The tool runs in the background; a reader of the JVM's pipe ends it at end of file.
	 */
	private static final String WATCHDOG = """
			exec 3<&0 </dev/null
			"$@" &
			tool=$!
			{ read -r _ <&3; kill -TERM "$tool"; } >/dev/null 2>&1 &
			watchdog=$!
			wait "$tool"
			status=$?
			kill "$watchdog" 2>/dev/null
			exit "$status"
			""";

	/** Exit status of the shell when the tool cannot be found or executed. */
	private static final int NOT_RUNNABLE = 127;

	private static final long TIMEOUT_MINUTES = 60;

	private final Process process;

	private final Thread shutdownHook;

	private final boolean watched;

	private ToolProcess(Process process, Thread shutdownHook, boolean watched) {
		this.process = process;
		this.shutdownHook = shutdownHook;
		this.watched = watched;
	}

	/**
	 * Run a tool to its end and return what it printed; fail if it cannot be run, does
	 * not finish within an hour or exits with another status than 0.
	 * @param command the tool and its arguments
	 * @param password the password to pass through {@code PGPASSWORD}, or {@code null}
	 * @param what what the tool does, for messages
	 * @param notRunnable how a tool that cannot be run is named in the message, and what
	 * to do about it (appended as is)
	 * @return its standard output and error
	 * @throws IOException if it cannot be run, does not finish or fails
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	static String run(List<String> command, @org.jspecify.annotations.Nullable String password, String what,
			String notRunnable) throws IOException, InterruptedException {
		byte[] output;
		ToolProcess process = start(command, password);
		try {
			output = process.readOutput();
			if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				throw new IOException(what + " did not finish within " + TIMEOUT_MINUTES + " minutes");
			}
		}
		finally {
			process.close();
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.notRunnable()) {
			throw new IOException(notRunnable.replace("{output}", text.strip()));
		}
		if (process.exitValue() != 0) {
			throw new IOException(what + " failed with exit code " + process.exitValue() + ": " + text.strip());
		}
		return text;
	}

	/**
	 * Start a tool tied to this JVM.
	 * @param command the tool and its arguments
	 * @param password the password to pass through {@code PGPASSWORD}, or {@code null}
	 * @return the running tool
	 * @throws IOException if it cannot be started
	 */
	static ToolProcess start(List<String> command, @org.jspecify.annotations.Nullable String password)
			throws IOException {
		boolean watched = Files.isExecutable(SHELL);
		List<String> actual = command;
		if (watched) {
			actual = new ArrayList<>(List.of(SHELL.toString(), "-c", WATCHDOG, "migrations-backup"));
			actual.addAll(command);
		}
		ProcessBuilder builder = new ProcessBuilder(actual).redirectErrorStream(true);
		if (password != null) {
			builder.environment().put("PGPASSWORD", password);
		}
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IOException(command.get(0) + " cannot be run (" + ex.getMessage() + ")", ex);
		}
		Thread hook = new Thread(() -> stop(process), "migrations-backup-stop");
		try {
			Runtime.getRuntime().addShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down already.
			stop(process);
			throw new IOException(command.get(0) + " not started: the JVM is shutting down", ex);
		}
		return new ToolProcess(process, hook, watched);
	}

	/**
	 * Read everything the tool prints, until it ends.
	 * @return the output
	 * @throws IOException on a read error
	 */
	byte[] readOutput() throws IOException {
		return this.process.getInputStream().readAllBytes();
	}

	boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
		return this.process.waitFor(timeout, unit);
	}

	int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Whether the tool could not be found or executed (the shell reports it with its own
	 * exit status).
	 * @return {@code true} if the tool never ran
	 */
	boolean notRunnable() {
		return this.watched && !this.process.isAlive() && this.process.exitValue() == NOT_RUNNABLE;
	}

	/**
	 * Stop the tool if it still runs, and release the pipe and the shutdown hook.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			stop(this.process);
		}
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// Closing our end of the pipe only tells the watchdog; nothing to do if it is
			// gone.
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs, and finds the tool ended.
		}
	}

	private static void stop(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
