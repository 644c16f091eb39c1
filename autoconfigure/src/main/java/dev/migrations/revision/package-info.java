/**
 * Revision model: revision files, their ids and the graph that orders them.
 */
@NullMarked
package dev.migrations.revision;

import org.jspecify.annotations.NullMarked;
