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

import java.util.Map;

/**
 * One process's numbers.
 *
 * @param stepMs the migration step, measured inside the process
 * @param readyMs from the JVM's start to the application being ready (and having used its
 * database once), inside the process
 * @param wallMs from starting the process to its exit, measured by the harness
 * @param rssKb peak resident set size ({@code VmHWM}) just before the process exits
 * @param cpuMs CPU time the process used until it was ready, all its threads (JIT
 * compilers, GC) included: less sensitive than the times to other work on the machine
 * @param openMs opening (and closing) one connection as soon as the DataSource bean
 * exists, inside the process, in the {@link Results#NOOP_OPEN} cells; 0 elsewhere
 * @param jvm where the CPU went until ready, by
 * {@link dev.migrations.benchmark.app.JvmAccounting} key (main thread, JIT compilers,
 * class loading, GC pauses, loaded classes); empty for processes that do not print it
 * @author Migrations for Spring Boot contributors
 */
record Measurement(double stepMs, double readyMs, double wallMs, double rssKb, double cpuMs, double openMs,
		Map<String, Double> jvm) {

	/**
	 * One figure of the JVM's accounting.
	 * @param key a {@link dev.migrations.benchmark.app.JvmAccounting} key
	 * @return its value, or NaN where the process did not print it
	 */
	double jvm(String key) {
		return this.jvm.getOrDefault(key, Double.NaN);
	}

}
