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

package dev.migrations.internal.lock;

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
