/**
 * Knowing the schema: a live schema compared with the one its revisions produce (drift),
 * the plain SQL that describes a schema (generated baseline), and scratch databases to
 * build an expected schema in.
 * <p>
 * The second and last package that speaks Liquibase, beside the engine, and on purpose
 * apart from it: the engine executes revisions on the migration connection, loading
 * Liquibase only when a revision needs it; this package only reads schemas through
 * Liquibase's snapshot and diff, on connections of its own, and is loaded only when a
 * drift check or a baseline is asked for. Both keep Liquibase types to themselves: the
 * rest of the starter sees {@link dev.migrations.schema.SchemaDifference} and plain SQL
 * text.
 */
@NullMarked
package dev.migrations.schema;

import org.jspecify.annotations.NullMarked;
