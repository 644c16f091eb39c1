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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the report says about the machine it ran on.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return String.format(Locale.ROOT, "%d CPUs (%s), %s memory, %s %s, Java %s (%s)",
				Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), System.getProperty("os.name"),
				System.getProperty("os.version"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.name"));
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String cpuModel() {
		return procLine("/proc/cpuinfo", "model name").orElse("unknown model");
	}

	private static String memory() {
		return procLine("/proc/meminfo", "MemTotal").map((value) -> {
			long kb = Long.parseLong(value.replace("kB", "").trim());
			return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
		}).orElse("unknown");
	}

	private static java.util.Optional<String> procLine(String file, String key) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			return lines.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

}
