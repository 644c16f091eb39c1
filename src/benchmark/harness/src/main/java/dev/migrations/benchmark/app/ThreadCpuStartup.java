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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Spring's startup steps, with the main thread's CPU time of the migration tool's beans:
 * the outermost {@code spring.beans.instantiate} steps whose bean name contains the
 * tool's keyword, from the step's start to its end, on the thread that started the
 * application. That is the migration step measured as CPU instead of wall time: what the
 * tool's beans cost the main thread, class loading and the migration itself included, so
 * that the rest of the main thread's CPU is what the tool costs elsewhere (configuration
 * classes, conditions, other beans). Every step is passed on to the delegate unchanged.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ThreadCpuStartup implements ApplicationStartup {

	private final ApplicationStartup delegate;

	private final String keyword;

	private final Thread main = Thread.currentThread();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Deque<Step> open = new ArrayDeque<>();

	private long toolNanos;

	private final Map<String, Long> selfNanos = new HashMap<>();

	ThreadCpuStartup(ApplicationStartup delegate, String keyword) {
		this.delegate = delegate;
		this.keyword = keyword.toLowerCase(Locale.ROOT);
	}

	@Override
	public StartupStep start(String name) {
		StartupStep step = this.delegate.start(name);
		if (Thread.currentThread() != this.main) {
			return step;
		}
		Step timed = new Step(step, this.threads.getCurrentThreadCpuTime());
		this.open.push(timed);
		return timed;
	}

	/**
	 * The main thread's CPU time in the tool's outermost bean steps so far, in
	 * milliseconds.
	 * @return the double
	 */
	double toolBeansCpuMillis() {
		return this.toolNanos / 1e6;
	}

	/**
	 * The main thread's CPU time of every kind of step without what nested in it, by step
	 * name and bean name, the largest first: where a start's main thread went, step by
	 * step.
	 * @param most how many
	 * @return milliseconds by step
	 */
	Map<String, Double> selfCpuMillis(int most) {
		Map<String, Double> largest = new LinkedHashMap<>();
		this.selfNanos.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(most)
			.forEach((entry) -> largest.put(entry.getKey(), entry.getValue() / 1e6));
		return largest;
	}

	private void ended(Step step) {
		long cpu = this.threads.getCurrentThreadCpuTime() - step.startCpu;
		// Steps end in the reverse order they started on one thread.
		this.open.remove(step);
		this.selfNanos.merge(key(step), cpu - step.nestedCpu, Long::sum);
		Step parent = this.open.peek();
		if (parent != null) {
			parent.nestedCpu += cpu;
		}
		// Only the outermost of the tool's bean steps: the ones nested in it are part of
		// its time.
		if (BenchmarkApp.isToolBean(step, this.keyword)
				&& this.open.stream().noneMatch((outer) -> BenchmarkApp.isToolBean(outer, this.keyword))) {
			this.toolNanos += cpu;
		}
	}

	private static String key(Step step) {
		String bean = BenchmarkApp.beanName(step);
		return (bean != null) ? step.getName() + ":" + bean : step.getName();
	}

	private final class Step implements StartupStep {

		private final StartupStep step;

		private final long startCpu;

		private long nestedCpu;

		Step(StartupStep step, long startCpu) {
			this.step = step;
			this.startCpu = startCpu;
		}

		@Override
		public String getName() {
			return this.step.getName();
		}

		@Override
		public long getId() {
			return this.step.getId();
		}

		@Override
		public Long getParentId() {
			return this.step.getParentId();
		}

		@Override
		public StartupStep tag(String key, String value) {
			this.step.tag(key, value);
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			this.step.tag(key, value);
			return this;
		}

		@Override
		public Tags getTags() {
			return this.step.getTags();
		}

		@Override
		public void end() {
			this.step.end();
			ended(this);
		}

	}

}
