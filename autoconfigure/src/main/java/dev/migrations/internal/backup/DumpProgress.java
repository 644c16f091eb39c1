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

package dev.migrations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how much of a dump has been written, every few seconds while it runs, so that a
 * long backup shows it is alive (and how far it got) instead of a silent start.
 *
 * @author Migrations for Spring Boot contributors
 */
final class DumpProgress implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBackups.class);

	private static final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "migrations-backup-progress");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledFuture<?> task;

	private DumpProgress(ScheduledFuture<?> task) {
		this.task = task;
	}

	static DumpProgress watch(Path file, String database, Duration every) {
		long started = System.nanoTime();
		return new DumpProgress(scheduler.scheduleWithFixedDelay(() -> {
			try {
				logger.info("Backup of {} in progress: {} written to {} in {} s", database,
						DumpScope.size(Files.size(file)), file, (System.nanoTime() - started) / 1_000_000_000);
			}
			catch (IOException ex) {
				logger.debug("Cannot read the size of {}", file, ex);
			}
		}, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
	}

	@Override
	public void close() {
		this.task.cancel(false);
	}

}
