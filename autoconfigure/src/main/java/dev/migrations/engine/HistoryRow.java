package dev.migrations.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table ({@code DATABASECHANGELOG}): one change set that was
 * executed or marked as ran.
 *
 * @param id the change set id
 * @param author the change set author
 * @param filename the change set's logical file; {@code migrations/<revision>} for
 * revision files
 * @param executedAt when it was recorded
 * @param orderExecuted the order it was recorded in
 * @param execType {@code EXECUTED}, {@code MARK_RAN}, ...
 * @param checksum the stored checksum
 * @param description the description column
 * @param comments the comments column; marks stamped and baselined revisions
 * @param tag the tag; the revision id on a revision's last change set
 * @param deploymentId the run that recorded it
 */
public record HistoryRow(String id, String author, String filename, @Nullable Instant executedAt, int orderExecuted,
		String execType, @Nullable String checksum, @Nullable String description, @Nullable String comments,
		@Nullable String tag, @Nullable String deploymentId) {

	/**
	 * The prefix of the logical file name of every change set that comes from a revision
	 * file.
	 */
	public static final String REVISION_FILE_PREFIX = "migrations/";

	/**
	 * The key that identifies the change set: file, id and author.
	 * @return the key
	 */
	public String key() {
		return key(this.filename, this.id, this.author);
	}

	/**
	 * The key of a change set.
	 * @param filename the logical file
	 * @param id the id
	 * @param author the author
	 * @return the key
	 */
	public static String key(String filename, String id, String author) {
		return filename + "::" + id + "::" + author;
	}

	/**
	 * Whether the change set was recorded without being executed.
	 * @return {@code true} for {@code MARK_RAN}
	 */
	public boolean markedRan() {
		return "MARK_RAN".equals(this.execType);
	}

}
