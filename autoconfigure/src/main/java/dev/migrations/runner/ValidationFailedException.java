package dev.migrations.runner;

import dev.migrations.MigrationException;

/**
 * The database is not at the target with matching checksums: revisions are pending, an
 * applied file was edited, a revision is half-applied, or the database records revisions
 * the application does not have. Nothing was written. Raised by
 * {@link Migrator#validate()}; the {@code check} command exits with status 2 on it.
 */
public class ValidationFailedException extends MigrationException {

	ValidationFailedException(String description, String action) {
		super(description, action);
	}

}
