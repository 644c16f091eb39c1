/**
 * Backups taken before a migration writes to a database that holds data: pg_dump on
 * PostgreSQL, SCRIPT on H2.
 */
@NullMarked
package dev.migrations.backup;

import org.jspecify.annotations.NullMarked;
