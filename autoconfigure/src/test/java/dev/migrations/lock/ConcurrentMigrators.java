package dev.migrations.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;

/**
 * Runs migrators at the same moment, each on a thread of its own, as the data sources of
 * one application do.
 */
final class ConcurrentMigrators {

	private ConcurrentMigrators() {
	}

	/**
	 * Migrate with every migrator at once and wait for all of them.
	 * @param migrators the migrators
	 * @return their reports, in order
	 * @throws Exception the first failure
	 */
	static List<RunReport> migrate(List<Migrator> migrators) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(migrators.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<RunReport>> runs = new ArrayList<>();
			for (Migrator migrator : migrators) {
				runs.add(executor.submit(() -> {
					start.await();
					return migrator.migrate();
				}));
			}
			start.countDown();
			List<RunReport> reports = new ArrayList<>();
			for (Future<RunReport> run : runs) {
				reports.add(run.get(60, TimeUnit.SECONDS));
			}
			return reports;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
