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
import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.migrations.runner.DatabaseState;
import dev.migrations.runner.InterruptedRevision;
import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RevisionStatus;
import dev.migrations.runner.RunReport;

/**
 * Health of migrations: {@code UP} when the database is at the target; {@code DOWN} when
 * the last run failed, a revision is half-applied, an applied file was edited, or the
 * revisions have several heads; {@code OUT_OF_SERVICE} while revisions are pending (the
 * application's code expects a schema the database does not have yet). The status is read
 * at most once per time to live, and again after every run.
 *
 * @author Migrations for Spring Boot contributors
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	/** How long a status read serves health checks. */
	public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(5);

	private final Migrator migrator;

	private final MigrationStatusCache status;

	/**
	 * Create an indicator that reads the status at most every
	 * {@link #DEFAULT_TIME_TO_LIVE}.
	 * @param migrator the migrator
	 */
	public MigrationsHealthIndicator(Migrator migrator) {
		this(migrator, DEFAULT_TIME_TO_LIVE);
	}

	/**
	 * Create an indicator.
	 * @param migrator the migrator
	 * @param timeToLive how long a status read serves health checks
	 */
	public MigrationsHealthIndicator(Migrator migrator, Duration timeToLive) {
		super("Migration status check failed");
		this.migrator = migrator;
		this.status = new MigrationStatusCache(migrator, timeToLive);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrationStatus status = this.status.get();
		builder.withDetail("state", status.state());
		if (status.current() != null) {
			builder.withDetail("current", status.current());
		}
		builder.withDetail("target", status.target()).withDetail("pending", status.pending().size());
		RunReport lastRun = this.migrator.lastRun();
		boolean down = false;
		if (lastRun != null && lastRun.outcome() == RunReport.Outcome.FAILED) {
			builder.withDetail("lastRun", "FAILED at " + lastRun.startedAt() + ": " + lastRun.error());
			down = true;
		}
		List<String> partial = status.partial().stream().map(RevisionStatus::revision).toList();
		if (!partial.isEmpty()) {
			builder.withDetail("partial", partial);
			down = true;
		}
		InterruptedRevision interrupted = status.interrupted();
		if (interrupted != null) {
			builder.withDetail("interrupted", interrupted.description())
				.withDetail("interruptedAction", interrupted.action());
			down = true;
		}
		List<String> edited = status.checksumMismatches()
			.stream()
			.map((mismatch) -> mismatch.revision() + " (" + mismatch.file() + ")")
			.distinct()
			.toList();
		if (!edited.isEmpty()) {
			builder.withDetail("checksumMismatches", edited);
			down = true;
		}
		if (down || status.state() == DatabaseState.CONFLICT) {
			builder.down();
		}
		else if (!status.pending().isEmpty()) {
			builder.outOfService();
		}
		else {
			List<String> unknown = status.unknown().stream().map(RevisionStatus::revision).toList();
			if (!unknown.isEmpty()) {
				builder.withDetail("unknown", unknown);
			}
			builder.up();
		}
	}

}
