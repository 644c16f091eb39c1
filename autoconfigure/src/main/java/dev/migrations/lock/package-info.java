/**
 * Locks that keep one migrator per database at a time.
 */
@NullMarked
package dev.migrations.lock;

import org.jspecify.annotations.NullMarked;
