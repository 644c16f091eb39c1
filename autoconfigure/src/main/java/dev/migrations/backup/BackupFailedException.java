package dev.migrations.backup;

import dev.migrations.MigrationException;

/**
 * A required backup could not be taken; nothing was written to the database.
 */
public class BackupFailedException extends MigrationException {

	BackupFailedException(BackupFailure failure, Throwable cause) {
		super("No backup could be taken before migrating (migrations.backup.required=true): " + failure.reason()
				+ " Nothing was written to the database.", failure.action(), cause);
	}

	BackupFailedException(String reason, Throwable cause) {
		super("No backup could be taken before migrating (migrations.backup.required=true): " + reason
				+ ". Nothing was written to the database.",
				"Make the backup possible (install the PostgreSQL client matching the server, e.g. apt-get install "
						+ "postgresql-client, or set migrations.backup.pg-dump-path; check that "
						+ "migrations.backup.directory is writable), or set migrations.backup.required=false.",
				cause);
	}

}
