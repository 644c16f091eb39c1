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

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main thread's CPU time in the migration tool's outermost bean steps.
 */
class ThreadCpuStartupTests {

	@Test
	void outermostToolBeanStepsAreCountedOnceAndOtherStepsNot() {
		BufferingApplicationStartup buffering = new BufferingApplicationStartup(100);
		ThreadCpuStartup startup = new ThreadCpuStartup(buffering, "migrat");
		// Warm up what the measuring itself loads and compiles, so that it does not count
		// in the first step.
		instantiate(startup, "warm-up").end();
		burn(50);

		StartupStep other = instantiate(startup, "dataSource");
		burn(20);
		other.end();
		StartupStep tool = instantiate(startup, "migrationsInitializer");
		burn(40);
		StartupStep nested = instantiate(startup, "migrator");
		burn(60);
		nested.end();
		tool.end();

		// 100 ms of CPU inside the outer tool bean, the nested one not counted again, the
		// data source not at all.
		assertThat(startup.toolBeansCpuMillis()).isBetween(95.0, 130.0);
		// The steps still reach the buffering startup, which the migration step (wall
		// time) is read from.
		assertThat(buffering.getBufferedTimeline().getEvents()).hasSize(4);
		// Each step's own CPU, without what nested in it, the largest first.
		assertThat(startup.selfCpuMillis(10)).containsOnlyKeys("spring.beans.instantiate:migrator",
				"spring.beans.instantiate:migrationsInitializer", "spring.beans.instantiate:dataSource",
				"spring.beans.instantiate:warm-up");
		assertThat(startup.selfCpuMillis(10).get("spring.beans.instantiate:migrationsInitializer")).isBetween(35.0,
				55.0);
		assertThat(startup.selfCpuMillis(1)).containsOnlyKeys("spring.beans.instantiate:migrator");
	}

	private static StartupStep instantiate(ThreadCpuStartup startup, String bean) {
		return startup.start("spring.beans.instantiate").tag("beanName", bean);
	}

	/** Spin until this thread has used the given CPU time. */
	private static void burn(long millis) {
		long until = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + millis * 1_000_000;
		long sink = 0;
		while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() < until) {
			sink += System.nanoTime() % 7;
		}
		assertThat(sink).isNotNegative();
	}

}
