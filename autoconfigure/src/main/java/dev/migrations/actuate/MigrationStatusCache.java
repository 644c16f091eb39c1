package dev.migrations.actuate;

import java.time.Duration;

import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import org.jspecify.annotations.Nullable;

/**
 * The last status read from a migrator, so that health checks and metric scrapes do not
 * each read the history. It is read again after the time to live, and as soon as the
 * migrator has run since it was read.
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
