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

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration step read from Spring's startup steps.
 */
class BenchmarkAppTests {

	@Test
	void dataSourceCreatedInsideAToolBeanIsSubtractedOnlyWhenTheDatabaseIsOpenedFirst() throws Exception {
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100);
		StartupStep tool = instantiate(startup, "migrationsInitializer");
		StartupStep dataSource = instantiate(startup, "dataSource");
		Thread.sleep(50);
		dataSource.end();
		Thread.sleep(20);
		tool.end();
		// Outside any tool bean: never subtracted.
		StartupStep other = instantiate(startup, "dataSource");
		Thread.sleep(10);
		other.end();

		long whole = BenchmarkApp.migrationStep(startup, "migrat", false);
		long withoutDataSource = BenchmarkApp.migrationStep(startup, "migrat", true);

		assertThat(whole).isGreaterThanOrEqualTo(70_000_000L);
		assertThat(withoutDataSource).isGreaterThanOrEqualTo(20_000_000L).isLessThanOrEqualTo(whole - 50_000_000L);
	}

	private static StartupStep instantiate(BufferingApplicationStartup startup, String bean) {
		return startup.start("spring.beans.instantiate").tag("beanName", bean);
	}

}
