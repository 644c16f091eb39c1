/**
 * Actuator support for migrations: the {@code migrations} endpoint, the health indicator
 * and the metrics.
 */
@NullMarked
package dev.migrations.actuate;

import org.jspecify.annotations.NullMarked;
