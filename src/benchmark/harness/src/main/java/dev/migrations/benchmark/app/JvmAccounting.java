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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a process's CPU went until it was ready: the CPU time of its threads by kind (the
 * main thread, the C1 and C2 JIT compilers, the GC's threads, the VM thread, the other
 * threads still alive, and those that have ended), and the HotSpot performance counters
 * (the ones {@code jstat} reads) for the JIT's compilations, class loading, linking and
 * static initialisers, GC pauses and safepoints. Printed as one
 * {@code BENCHMARK-JVM key=value …} line; the harness subtracts the same line of another
 * variant to see what a difference in process CPU is made of.
 * <p>
 * Thread CPU comes from Linux: {@code /proc/self/task/<tid>/comm} names each thread
 * (HotSpot names its own: {@code C2 CompilerThre…}, {@code GC Thread#0},
 * {@code VM Thread}) and {@code …/schedstat} gives its time on a CPU in nanoseconds.
 * Threads that have ended are the process's CPU time less its live threads'. Elsewhere
 * these keys are left out.
 * <p>
 * The counters are read from the JVM's own {@code hsperfdata} file
 * ({@code <tmpdir>/hsperfdata_<user>/<pid>}), which the JVM keeps up to date in shared
 * memory while it runs ({@code -XX:+UsePerfData}, the default). Where it does not exist,
 * only the thread times are printed.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class JvmAccounting {

	/** The prefix the harness looks for in a process's output. */
	public static final String PREFIX = "BENCHMARK-JVM";

	/**
	 * What is printed, in milliseconds except {@code classes}: key, then the counters
	 * summed into it.
	 */
	private static final Map<String, String[]> COUNTERS = new LinkedHashMap<>();

	static {
		// The compilations' elapsed time, summed (more than the compiler threads' CPU
		// when they wait for a CPU).
		COUNTERS.put("jit_elapsed_ms", new String[] { "sun.ci.standardTime", "sun.ci.osrTime" });
		// Loading classes (finding, reading, parsing and defining them), nested work
		// included.
		COUNTERS.put("class_load_ms", new String[] { "sun.cls.time" });
		// Linking and verifying, and running static initialisers, each without what nests
		// in it.
		COUNTERS.put("class_link_ms", new String[] { "sun.cls.classLinkedTime.self", "sun.cls.classVerifyTime.self" });
		COUNTERS.put("class_init_ms", new String[] { "sun.cls.classInitTime.self" });
		// Stop-the-world GC pauses (G1's young, full and concurrent-cycle pauses).
		COUNTERS.put("gc_ms",
				new String[] { "sun.gc.collector.0.time", "sun.gc.collector.1.time", "sun.gc.collector.2.time" });
		COUNTERS.put("safepoint_ms", new String[] { "sun.rt.safepointTime" });
	}

	private JvmAccounting() {
	}

	/**
	 * Print the accounting line; call it on the main thread, when the application is
	 * ready.
	 * @param toolBeansCpuMillis the main thread's CPU time in the migration tool's beans
	 * ({@link ThreadCpuStartup})
	 */
	public static void print(double toolBeansCpuMillis) {
		long processNanos = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
		StringBuilder line = new StringBuilder(PREFIX);
		Map<String, Long> threads = threadCpuByKind();
		if (!threads.isEmpty() && processNanos >= 0) {
			long live = 0;
			for (Map.Entry<String, Long> kind : threads.entrySet()) {
				line.append(String.format(Locale.ROOT, " %s_cpu_ms=%.1f", kind.getKey(), kind.getValue() / 1e6));
				live += kind.getValue();
			}
			line.append(String.format(Locale.ROOT, " ended_cpu_ms=%.1f", (processNanos - live) / 1e6));
		}
		line.append(String.format(Locale.ROOT, " tool_beans_cpu_ms=%.1f", toolBeansCpuMillis));
		Map<String, Long> counters = ownCounters();
		Long ticks = counters.get("sun.os.hrt.frequency");
		if (ticks != null && ticks > 0) {
			for (Map.Entry<String, String[]> entry : COUNTERS.entrySet()) {
				long sum = 0;
				for (String name : entry.getValue()) {
					sum += counters.getOrDefault(name, 0L);
				}
				line.append(String.format(Locale.ROOT, " %s=%.1f", entry.getKey(), sum * 1000.0 / ticks));
			}
			line.append(" classes=").append(counters.getOrDefault("java.cls.loadedClasses", -1L));
		}
		System.out.println(line);
		System.out.flush();
	}

	/**
	 * The CPU time of this process's live threads, by kind, in nanoseconds; empty where
	 * {@code /proc} does not tell.
	 * @return the long
	 */
	static Map<String, Long> threadCpuByKind() {
		Map<String, Long> kinds = new LinkedHashMap<>();
		for (String kind : new String[] { "main", "c1", "c2", "gc", "vm", "other" }) {
			kinds.put(kind, 0L);
		}
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					String name = Files.readString(task.resolve("comm")).strip();
					String schedstat = Files.readString(task.resolve("schedstat")).strip();
					long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
					kinds.merge(kindOf(name), nanos, Long::sum);
				}
				catch (NoSuchFileException ex) {
					// the thread ended while being read: its time is counted with the
					// ended threads'
				}
			}
			return kinds;
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
	}

	/**
	 * The kind of a thread by the name Linux knows it by (at most 15 characters). The
	 * launcher's threads keep the process's name, {@code java}: the one that runs
	 * {@code main} and the first one, which only waits for it.
	 * @param name the name
	 * @return the string
	 */
	static String kindOf(String name) {
		if (name.equals("java")) {
			return "main";
		}
		if (name.startsWith("C1 CompilerThre")) {
			return "c1";
		}
		if (name.startsWith("C2 CompilerThre")) {
			return "c2";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
			return "gc";
		}
		return name.equals("VM Thread") ? "vm" : "other";
	}

	/**
	 * This JVM's scalar {@code long} performance counters by name, or an empty map where
	 * they cannot be read.
	 * @return the long
	 */
	static Map<String, Long> ownCounters() {
		Path file = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
				Long.toString(ProcessHandle.current().pid()));
		try {
			return parse(ByteBuffer.wrap(Files.readAllBytes(file)));
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
	}

	/**
	 * Parse an {@code hsperfdata} buffer: a prologue (magic {@code 0xcafec0c0}, byte
	 * order, versions, used bytes, the offset of the first entry and the number of
	 * entries), then entries each with its length, the offsets of its name and data, a
	 * vector length (0 for a scalar) and a type ({@code 'J'} for a long).
	 * @param buffer the buffer
	 * @return the long
	 */
	static Map<String, Long> parse(ByteBuffer buffer) {
		// The magic number is written big-endian whatever the byte order of the rest.
		if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != 0xcafec0c0) {
			return Map.of();
		}
		buffer.order((buffer.get(4) == 0) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		int entry = buffer.getInt(24);
		int entries = buffer.getInt(28);
		Map<String, Long> counters = new LinkedHashMap<>();
		for (int i = 0; i < entries && entry < buffer.limit(); i++) {
			int length = buffer.getInt(entry);
			int nameOffset = buffer.getInt(entry + 4);
			int vectorLength = buffer.getInt(entry + 8);
			byte type = buffer.get(entry + 12);
			int dataOffset = buffer.getInt(entry + 16);
			if (length <= 0) {
				break;
			}
			if (vectorLength == 0 && type == 'J') {
				int end = entry + nameOffset;
				while (buffer.get(end) != 0) {
					end++;
				}
				byte[] name = new byte[end - entry - nameOffset];
				buffer.get(entry + nameOffset, name);
				counters.put(new String(name, StandardCharsets.US_ASCII), buffer.getLong(entry + dataOffset));
			}
			entry += length;
		}
		return counters;
	}

}
