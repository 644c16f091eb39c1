package dev.migrations.runner;

/**
 * An applied change set whose file was edited after it ran.
 *
 * @param revision the revision id
 * @param file the revision file
 * @param changeset the change set, as {@code id::author}
 * @param recorded the checksum in the history table
 * @param current the checksum of the file now
 */
public record ChecksumMismatch(String revision, String file, String changeset, String recorded, String current) {

}
