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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.migrations.MigrationException;
import dev.migrations.runner.LockReport;
import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;
import dev.migrations.runner.RunReport;

/**
 * {@link Endpoint @Endpoint} reporting where the database stands: state, current
 * revision, pending revisions, history and the last run, and each revision in full. Each
 * read uses a connection that it closes right after, and never waits for the migration
 * lock. {@link WritableMigrationsEndpoint} adds the write operations.
 * <p>
 * With one database the report is a {@link MigrationsDescriptor}. With several
 * ({@code migrations.instances}) it is an {@link InstancesDescriptor},
 * {@code {"instances": {"<name>": <report>, ...}}} in run order; then
 * {@code /actuator/migrations/<name>} is one instance's report and
 * {@code /actuator/migrations/<name>/<revision>} one of its revisions.
 *
 * @author Migrations for Spring Boot contributors
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	/**
	 * The selector of the drift check: {@code /actuator/migrations/drift},
	 * {@code /actuator/migrations/<name>/drift}.
	 */
	public static final String DRIFT = "drift";

	/**
	 * The selector of the lock check of the pending revisions (PostgreSQL):
	 * {@code /actuator/migrations/locks}, {@code /actuator/migrations/<name>/locks}.
	 */
	public static final String LOCKS = "locks";

	private final Migrators migrators;

	private final Map<String, Report> lastReports = new ConcurrentHashMap<>();

	/**
	 * Create an endpoint for one database.
	 * @param migrator the migrator to report on
	 */
	public MigrationsEndpoint(Migrator migrator) {
		this(Migrators.of("migrator", migrator));
	}

	/**
	 * Create an endpoint for one or several databases.
	 * @param migrators the migrators to report on
	 */
	public MigrationsEndpoint(Migrators migrators) {
		this.migrators = migrators;
	}

	/**
	 * Where the database stands, and the last run; with several databases, each of them
	 * by name.
	 * @return a {@link MigrationsDescriptor}, or an {@link InstancesDescriptor} with
	 * several databases
	 */
	@ReadOperation
	public Object migrations() {
		if (this.migrators.size() == 1) {
			String name = this.migrators.names().get(0);
			return report(name, this.migrators.single());
		}
		Map<String, Object> instances = new LinkedHashMap<>();
		this.migrators.asMap().forEach((name, migrator) -> {
			try {
				instances.put(name, report(name, migrator));
			}
			catch (RuntimeException ex) {
				// One database that cannot be read does not hide the others.
				instances.put(name, new InstanceErrorDescriptor(ex.getMessage()));
			}
		});
		return new InstancesDescriptor(instances);
	}

	/**
	 * One revision in full, or for {@code drift} the drift check; with several databases,
	 * one database's report.
	 * @param revision the revision id or {@code drift}; with several databases, the
	 * instance name
	 * @return the revision, drift or report, or {@code null} (404) if there is none by
	 * that id or name
	 */
	@ReadOperation
	public @Nullable Object revision(@Selector String revision) {
		if (this.migrators.size() == 1) {
			// One selector serves both: a second operation on /{selector} would clash. A
			// revision whose id is
			// 'drift' is shadowed here (documented).
			if (DRIFT.equals(revision)) {
				return drift(this.migrators.single());
			}
			if (LOCKS.equals(revision)) {
				return locks(this.migrators.single());
			}
			return this.migrators.single().show(revision).map(RevisionDescriptor::of).orElse(null);
		}
		Migrator migrator = this.migrators.get(revision);
		return (migrator != null) ? report(revision, migrator) : null;
	}

	/**
	 * One revision of one database in full.
	 * @param instance the database's name
	 * @param revision the revision id
	 * @return the revision, or {@code null} (404) if there is no such database or
	 * revision
	 */
	@ReadOperation
	public @Nullable Object instanceRevision(@Selector String instance, @Selector String revision) {
		Migrator migrator = this.migrators.get(instance);
		if (migrator != null && DRIFT.equals(revision)) {
			return drift(migrator);
		}
		if (migrator != null && LOCKS.equals(revision)) {
			return locks(migrator);
		}
		return (migrator != null) ? migrator.show(revision).map(RevisionDescriptor::of).orElse(null) : null;
	}

	/**
	 * The drift check of one database: its live schema against the schema its recorded
	 * revisions produce, built in a scratch database. Reads the live database only; each
	 * call builds the expected schema anew.
	 * @param migrator the database's migrator
	 * @return a {@link DriftDescriptor}, or a 500 response saying why the check could not
	 * run
	 */
	protected Object drift(Migrator migrator) {
		try {
			return DriftDescriptor.of(migrator.drift());
		}
		catch (MigrationException ex) {
			return new WebEndpointResponse<>(Map.of("error", ex.getDescription(), "action", ex.getAction()),
					WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
		}
	}

	/**
	 * What the pending revisions of one database would lock and rewrite, measured in a
	 * scratch database (PostgreSQL). Reads the live database only; each call measures
	 * anew.
	 * @param migrator the database's migrator
	 * @return the {@link LockReport}, or a 500 response saying why the check could not
	 * run
	 */
	protected Object locks(Migrator migrator) {
		try {
			return migrator.checkLocks();
		}
		catch (MigrationException ex) {
			return new WebEndpointResponse<>(Map.of("error", ex.getDescription(), "action", ex.getAction()),
					WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
		}
	}

	/**
	 * The migrator this endpoint reports on, when there is one database.
	 * @return the migrator
	 * @throws IllegalStateException if there are several
	 */
	protected final Migrator getMigrator() {
		return this.migrators.single();
	}

	/**
	 * The migrators this endpoint reports on.
	 * @return the migrators
	 */
	protected final Migrators getMigrators() {
		return this.migrators;
	}

	private MigrationsDescriptor report(String name, Migrator migrator) {
		MigrationStatus status = migrator.status();
		RunReport lastRun = migrator.lastRun();
		// The migrator returns the same status while the history is unchanged: so is the
		// report.
		Report previous = this.lastReports.get(name);
		if (previous != null && previous.status() == status && previous.lastRun() == lastRun) {
			return previous.descriptor();
		}
		MigrationsDescriptor descriptor = MigrationsDescriptor.of(status, lastRun);
		this.lastReports.put(name, new Report(status, lastRun, descriptor));
		return descriptor;
	}

	/**
	 * The report of several databases.
	 *
	 * @param instances each database's {@link MigrationsDescriptor} (or
	 * {@link InstanceErrorDescriptor}) by name, in run order
	 */
	public record InstancesDescriptor(Map<String, Object> instances) {

	}

	/**
	 * A database whose status cannot be read.
	 *
	 * @param error why
	 */
	public record InstanceErrorDescriptor(@Nullable String error) {

	}

	private record Report(MigrationStatus status, @Nullable RunReport lastRun, MigrationsDescriptor descriptor) {
	}

}
