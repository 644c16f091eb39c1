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

package dev.migrations.runner;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationException;

/**
 * Keeps a migrator's last run and tells its listeners about each run, failed ones
 * included.
 *
 * @author Migrations for Spring Boot contributors
 */
final class RunRecorder {

	private static final Logger logger = LoggerFactory.getLogger(RunRecorder.class);

	private final Migrator migrator;

	private final List<MigrationListener> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable RunReport lastRun;

	RunRecorder(Migrator migrator) {
		this.migrator = migrator;
	}

	@Nullable RunReport lastRun() {
		return this.lastRun;
	}

	void addListener(MigrationListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Run and record. A call refused by its checks (an unknown target, a downgrade that
	 * cannot be done) is not a run: it leaves the last run, and so the health, as they
	 * were. The startup run is always recorded, and so is a call refused once it went for
	 * the lock (a lock or a backup that could not be had).
	 * @param origin the origin
	 * @param run the run
	 * @return the run report
	 */
	RunReport record(Request.Origin origin, Function<RunProgress, RunReport> run) {
		RunProgress progress = new RunProgress(Instant.now());
		try {
			RunReport report = run.apply(progress);
			publish(report);
			return report;
		}
		catch (RunFailedException ex) {
			publish(ex.report());
			throw ex;
		}
		catch (MigrationException ex) {
			if (origin == Request.Origin.PROPERTIES || progress.isWriting()) {
				publish(progress.report(RunReport.Outcome.REFUSED, ex.getMessage()));
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			publish(progress.report(RunReport.Outcome.FAILED, ex.getMessage()));
			throw ex;
		}
	}

	private void publish(RunReport report) {
		this.lastRun = report;
		for (MigrationListener listener : this.listeners) {
			try {
				listener.onRun(this.migrator, report);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed: {}", listener, ex.getMessage(), ex);
			}
		}
	}

}
