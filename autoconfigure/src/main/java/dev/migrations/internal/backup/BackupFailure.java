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
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Why a backup could not be taken, and the advice that fits the cause: a full disk asks
 * for space or another directory, a missing or old {@code pg_dump} for the client tools.
 *
 * @param reason what failed, with where (the directory, its free space, the file left
 * behind)
 * @param action what to do
 * @author Migrations for Spring Boot contributors
 */
record BackupFailure(String reason, String action) {

	/**
	 * Classify a failed backup.
	 * @param failure what the backup threw
	 * @param settings the backup settings
	 * @param partial the file the backup was written to, or {@code null} if none was
	 * created
	 * @param deleted whether that file has been deleted
	 * @return the failure
	 */
	static BackupFailure of(Throwable failure, BackupSettings settings, @Nullable Path partial, boolean deleted) {
		String message = String.valueOf(failure.getMessage());
		Path directory = settings.directory().toAbsolutePath().normalize();
		String leftOver = "";
		if (partial != null) {
			leftOver = deleted ? " The file it had begun, " + partial.toAbsolutePath().normalize() + ", was deleted."
					: " It left " + partial.toAbsolutePath().normalize() + " behind: delete it.";
		}
		if (isDiskFull(message)) {
			return new BackupFailure(
					message + ". The backup directory " + directory + " is full: " + free(directory) + "." + leftOver,
					"Free space in " + directory + " (a backup needs about the size of the database; older backups "
							+ "there can go, or lower migrations.backup.keep), or set migrations.backup.directory to "
							+ "a directory with room; or, to migrate without a backup, "
							+ "migrations.backup.required=false.");
		}
		if (isToolMissing(message)) {
			return new BackupFailure(message + "." + leftOver,
					"Install the PostgreSQL client matching the server (e.g. apt-get install postgresql-client), or "
							+ "set migrations.backup.pg-dump-path; or set migrations.backup.required=false.");
		}
		return new BackupFailure(message + "." + leftOver,
				"Make the backup possible (see the tool's message above; check that " + directory
						+ " (migrations.backup.directory) is writable and has room), or set "
						+ "migrations.backup.required=false.");
	}

	private static boolean isDiskFull(String message) {
		String text = message.toLowerCase(Locale.ROOT);
		return text.contains("no space left on device") || text.contains("enospc")
				|| text.contains("disk quota exceeded") || text.contains("file too large")
				|| text.contains("there is not enough space on the disk");
	}

	private static boolean isToolMissing(String message) {
		return message.contains("cannot be run") || message.contains("older than the PostgreSQL server")
				|| message.contains("cannot read the version");
	}

	private static String free(Path directory) {
		try {
			Path existing = directory;
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			if (existing == null) {
				return "its free space is unknown";
			}
			var store = Files.getFileStore(existing);
			return size(store.getUsableSpace()) + " free of " + size(store.getTotalSpace());
		}
		catch (IOException ex) {
			return "its free space is unknown (" + ex.getMessage() + ")";
		}
	}

	private static String size(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
		}
		if (bytes >= 1L << 20) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
		}
		return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
	}

}
