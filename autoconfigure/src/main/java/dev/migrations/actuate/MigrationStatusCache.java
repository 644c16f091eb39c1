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

import org.jspecify.annotations.Nullable;

import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;

/**
 * The last status read from a migrator, so that health checks and metric scrapes do not
 * each read the history. It is read again after the time to live, and as soon as the
 * migrator has run since it was read.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigrationStatusCache {

	private final Migrator migrator;

	private final long timeToLiveNanos;

	private volatile @Nullable Entry entry;

	MigrationStatusCache(Migrator migrator, Duration timeToLive) {
		this.migrator = migrator;
		this.timeToLiveNanos = timeToLive.toNanos();
	}

	/**
	 * The status, read again if it is stale.
	 * @return the status
	 * @throws RuntimeException if the status cannot be read
	 */
	MigrationStatus get() {
		Entry current = this.entry;
		if (isFresh(current)) {
			return current.status();
		}
		synchronized (this) {
			current = this.entry;
			if (isFresh(current)) {
				return current.status();
			}
			// Taken before reading: a run that ends while the status is read makes the
			// next call read again.
			RunReport run = this.migrator.lastRun();
			MigrationStatus status = this.migrator.status();
			this.entry = new Entry(status, run, System.nanoTime());
			return status;
		}
	}

	private boolean isFresh(@Nullable Entry entry) {
		return entry != null && entry.run() == this.migrator.lastRun()
				&& System.nanoTime() - entry.readAt() < this.timeToLiveNanos;
	}

	private record Entry(MigrationStatus status, @Nullable RunReport run, long readAt) {
	}

}
