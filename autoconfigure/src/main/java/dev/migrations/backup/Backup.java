package dev.migrations.backup;

import java.nio.file.Path;

/**
 * A backup file and the exact command that restores it.
 *
 * @param file the backup file
 * @param restoreCommand how to restore it
 */
public record Backup(Path file, String restoreCommand) {

}
