/**
 * TimeTracker, a small time-tracking application whose schema is managed by revision
 * files in db/migrations/.
 */
@NullMarked
package dev.migrations.sample;

import org.jspecify.annotations.NullMarked;
