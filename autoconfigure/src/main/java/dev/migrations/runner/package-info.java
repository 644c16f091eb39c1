/**
 * What happens at startup and on request: status, plans, upgrade, stamp and the run
 * report.
 */
@NullMarked
package dev.migrations.runner;

import org.jspecify.annotations.NullMarked;
