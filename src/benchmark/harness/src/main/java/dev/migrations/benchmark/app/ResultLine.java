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

package dev.migrations.benchmark.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The one line an application process prints for the harness: its migration step, its
 * start-to-ready time, its peak resident set size and the CPU time it used (all threads:
 * JIT compilers and GC included), measured inside the process, and how long opening its
 * database first took (when it is asked to).
 *
 * @author Migrations for Spring Boot contributors
 */
public final class ResultLine {

	/** The prefix the harness looks for in a process's output. */
	public static final String PREFIX = "BENCHMARK-RESULT";

	private ResultLine() {
	}

	/**
	 * Print the result line.
	 * @param readyAtMillis when the process was ready
	 * ({@link System#currentTimeMillis()}), taken first so that what follows is not
	 * counted
	 * @param stepNanos the migration step
	 * @param port the web server's port, or -1
	 */
	public static void print(long readyAtMillis, long stepNanos, int port) {
		print(readyAtMillis, stepNanos, 0, port);
	}

	/**
	 * Print the result line.
	 * @param readyAtMillis when the process was ready
	 * ({@link System#currentTimeMillis()}), taken first so that what follows is not
	 * counted
	 * @param stepNanos the migration step
	 * @param openNanos opening the database before the migration step, or 0 when it was
	 * not opened first
	 * @param port the web server's port, or -1
	 */
	public static void print(long readyAtMillis, long stepNanos, long openNanos, int port) {
		long readyMillis = readyAtMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
		long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
		// open_ms last: the fields before it keep their places.
		System.out.println(String.format(Locale.ROOT,
				"%s step_ms=%.3f ready_ms=%d rss_kb=%d cpu_ms=%d port=%d open_ms=%.3f", PREFIX, stepNanos / 1_000_000.0,
				readyMillis, peakRssKb(), cpuMillis, port, openNanos / 1_000_000.0));
		System.out.flush();
	}

	/**
	 * The process's peak resident set size so far ({@code VmHWM} in
	 * {@code /proc/self/status}).
	 * @return kilobytes, or -1 where {@code /proc} does not exist
	 */
	static long peakRssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.substring(6).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return -1;
	}

}
