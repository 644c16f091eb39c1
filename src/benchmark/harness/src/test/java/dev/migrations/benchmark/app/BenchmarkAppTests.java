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
