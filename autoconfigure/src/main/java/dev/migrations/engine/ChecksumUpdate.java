package dev.migrations.engine;

import org.jspecify.annotations.Nullable;

/**
 * A new checksum for one history row: a repaired edit, or a checksum written back where
 * none was recorded.
 *
 * @param row the history row
 * @param checksum the checksum to record
 * @param comments the comments to record, or {@code null} to keep the row's own
 */
public record ChecksumUpdate(HistoryRow row, String checksum, @Nullable String comments) {
}
