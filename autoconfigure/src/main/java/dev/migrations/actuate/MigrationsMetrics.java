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

package dev.migrations.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.runner.MigrationListener;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;

/**
 * Metrics of migrators, each tagged with the migrator's name: {@value #RUNS} (timer of
 * runs, tagged with their outcome), {@value #APPLIED} (counter of revisions executed) and
 * {@value #PENDING} (gauge of revisions pending up to the target). The gauge reads a
 * status cached for a few seconds, never the database on every scrape. A run that ended
 * before the meters were bound (the startup run) is recorded when they are.
 *
 * @author Migrations for Spring Boot contributors
 */
public class MigrationsMetrics implements MeterBinder, MigrationListener {

	/** Timer of migration runs. */
	public static final String RUNS = "migrations.runs";

	/** Counter of revisions applied. */
	public static final String APPLIED = "migrations.revisions.applied";

	/** Gauge of revisions pending up to the target. */
	public static final String PENDING = "migrations.revisions.pending";

	private static final Logger logger = LoggerFactory.getLogger(MigrationsMetrics.class);

	private final Map<String, Migrator> migrators;

	private final Map<String, MigrationStatusCache> statuses = new LinkedHashMap<>();

	private final List<BoundRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Create metrics whose pending gauge reads the status at most every
	 * {@link MigrationsHealthIndicator#DEFAULT_TIME_TO_LIVE}.
	 * @param migrators the migrators by name
	 */
	public MigrationsMetrics(Map<String, Migrator> migrators) {
		this(migrators, MigrationsHealthIndicator.DEFAULT_TIME_TO_LIVE);
	}

	/**
	 * Create metrics.
	 * @param migrators the migrators by name
	 * @param timeToLive how long a status read serves the pending gauge
	 */
	public MigrationsMetrics(Map<String, Migrator> migrators, Duration timeToLive) {
		this.migrators = Map.copyOf(migrators);
		migrators.forEach((name, migrator) -> this.statuses.put(name, new MigrationStatusCache(migrator, timeToLive)));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		BoundRegistry bound = new BoundRegistry(registry);
		this.migrators.forEach((name, migrator) -> {
			Gauge.builder(PENDING, this.statuses.get(name), MigrationsMetrics::pending)
				.tag("migrator", name)
				.description("Revisions pending up to the target")
				.strongReference(true)
				.register(registry);
			bound.applied(name);
		});
		this.registries.add(bound);
		this.migrators.forEach((name, migrator) -> {
			RunReport lastRun = migrator.lastRun();
			if (lastRun != null) {
				bound.record(name, lastRun);
			}
		});
	}

	@Override
	public void onRun(Migrator migrator, RunReport report) {
		this.migrators.forEach((name, candidate) -> {
			if (candidate == migrator) {
				this.registries.forEach((bound) -> bound.record(name, report));
			}
		});
	}

	private static double pending(MigrationStatusCache status) {
		try {
			return status.get().pending().size();
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot read the migration status for the pending revisions gauge", ex);
			return Double.NaN;
		}
	}

	/**
	 * A registry the meters are bound to, and the run it recorded last for each migrator,
	 * so that no run is counted twice.
	 */
	private static final class BoundRegistry {

		private final MeterRegistry registry;

		private final Map<String, RunReport> recorded = new LinkedHashMap<>();

		BoundRegistry(MeterRegistry registry) {
			this.registry = registry;
		}

		Counter applied(String name) {
			return Counter.builder(APPLIED)
				.tag("migrator", name)
				.description("Revisions executed by migration runs")
				.register(this.registry);
		}

		synchronized void record(String name, RunReport report) {
			if (this.recorded.get(name) == report) {
				return;
			}
			this.recorded.put(name, report);
			Timer.builder(RUNS)
				.tag("migrator", name)
				.tag("outcome", report.outcome().name())
				.description("Migration runs")
				.register(this.registry)
				.record(report.durationMs(), TimeUnit.MILLISECONDS);
			applied(name).increment(report.applied().size());
		}

	}

}
