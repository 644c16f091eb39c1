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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's own accounting, read from its performance counters.
 */
class JvmAccountingTests {

	@Test
	void countersOfThisJvmAreRead() {
		Map<String, Long> counters = JvmAccounting.ownCounters();

		// This JVM has loaded thousands of classes (JUnit, AssertJ) and compiled methods
		// by now.
		assertThat(counters.get("sun.os.hrt.frequency")).isPositive();
		assertThat(counters.get("java.cls.loadedClasses")).isGreaterThan(1000L);
		assertThat(counters.get("sun.cls.time")).isPositive();
		assertThat(counters.get("sun.ci.standardTime")).isPositive();
	}

	@Test
	void threadCpuIsCountedByKind() {
		Map<String, Long> kinds = JvmAccounting.threadCpuByKind();

		assertThat(kinds).containsOnlyKeys("main", "c1", "c2", "gc", "vm", "other");
		// This test runs on the JVM's main thread in a fork of its own, which has
		// compiled and collected by now.
		assertThat(kinds.get("main")).isPositive();
		assertThat(kinds.get("c1") + kinds.get("c2")).isPositive();
		assertThat(JvmAccounting.kindOf("java")).isEqualTo("main");
		assertThat(JvmAccounting.kindOf("C2 CompilerThre")).isEqualTo("c2");
		assertThat(JvmAccounting.kindOf("G1 Conc#0")).isEqualTo("gc");
		assertThat(JvmAccounting.kindOf("HikariPool-1 ho")).isEqualTo("other");
	}

	@Test
	void aBufferInEitherByteOrderIsParsedAndAnythingElseIsNot() {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN }) {
			assertThat(JvmAccounting.parse(buffer(order))).containsExactly(Map.entry("sun.cls.time", 1234L));
		}
		assertThat(JvmAccounting.parse(ByteBuffer.wrap(new byte[64]))).isEmpty();
	}

	@Test
	void theLineCarriesEveryFigure() {
		PrintStream original = System.out;
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
		try {
			JvmAccounting.print(12.5);
		}
		finally {
			System.setOut(original);
		}
		assertThat(output.toString(StandardCharsets.UTF_8))
			.matches("BENCHMARK-JVM main_cpu_ms=[0-9.]+ c1_cpu_ms=[0-9.]+ "
					+ "c2_cpu_ms=[0-9.]+ gc_cpu_ms=[0-9.]+ vm_cpu_ms=[0-9.]+ other_cpu_ms=[0-9.]+ ended_cpu_ms=-?[0-9.]+ "
					+ "tool_beans_cpu_ms=12.5 jit_elapsed_ms=[0-9.]+ class_load_ms=[0-9.]+ class_link_ms=[0-9.]+ class_init_ms=[0-9.]+ gc_ms=[0-9.]+ "
					+ "safepoint_ms=[0-9.]+ classes=[0-9]+\\R");
	}

	/**
	 * A prologue and two entries: a long scalar, and a vector (a string) that is skipped.
	 */
	private static ByteBuffer buffer(ByteOrder order) {
		ByteBuffer buffer = ByteBuffer.allocate(256);
		buffer.putInt(0, 0xcafec0c0);
		buffer.order(order);
		buffer.put(4, (byte) ((order == ByteOrder.BIG_ENDIAN) ? 0 : 1));
		buffer.putInt(24, 32);
		buffer.putInt(28, 2);
		entry(buffer, 32, "sun.cls.time", 0, 'J');
		entry(buffer, 96, "sun.rt.name", 8, 'B');
		buffer.putLong(32 + 40, 1234L);
		return buffer;
	}

	private static void entry(ByteBuffer buffer, int at, String name, int vectorLength, char type) {
		buffer.putInt(at, 64);
		buffer.putInt(at + 4, 20);
		buffer.putInt(at + 8, vectorLength);
		buffer.put(at + 12, (byte) type);
		buffer.putInt(at + 16, 40);
		buffer.put(at + 20, name.getBytes(StandardCharsets.US_ASCII));
	}

}
