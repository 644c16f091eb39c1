package dev.migrations.actuate;

import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} reporting where the database stands: state, current revision, pending revisions, history
 * and the last run, and each revision in full. Each read uses a connection that it closes right after, and never waits
 * for the migration lock. {@link WritableMigrationsEndpoint} adds the write operations.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private final Migrator migrator;

	private volatile @Nullable Report lastReport;

	/**
	 * Create an endpoint.
	 * @param migrator the migrator to report on
	 */
	public MigrationsEndpoint(Migrator migrator) {
		this.migrator = migrator;
	}

	/**
	 * Where the database stands, and the last run.
	 * @return the report
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		MigrationStatus status = this.migrator.status();
		RunReport lastRun = this.migrator.lastRun();
		// The migrator returns the same status while the history is unchanged: so is the report.
		Report previous = this.lastReport;
		if (previous != null && previous.status() == status && previous.lastRun() == lastRun) {
			return previous.descriptor();
		}
		MigrationsDescriptor descriptor = MigrationsDescriptor.of(status, lastRun);
		this.lastReport = new Report(status, lastRun, descriptor);
		return descriptor;
	}

	/**
	 * One revision in full.
	 * @param revision the revision id
	 * @return the revision, or {@code null} (404) if neither the application nor the database knows it
	 */
	@ReadOperation
	public @Nullable RevisionDescriptor revision(@Selector String revision) {
		return this.migrator.revision(revision).map(RevisionDescriptor::of).orElse(null);
	}

	/**
	 * The migrator this endpoint reports on.
	 * @return the migrator
	 */
	protected final Migrator getMigrator() {
		return this.migrator;
	}

	private record Report(MigrationStatus status, @Nullable RunReport lastRun, MigrationsDescriptor descriptor) {
	}

}
