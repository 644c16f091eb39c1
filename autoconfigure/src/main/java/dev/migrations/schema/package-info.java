/**
 * Knowing the schema: snapshots of a live schema compared with another (drift), the plain SQL that describes a schema
 * (generated baseline), and scratch databases to build an expected schema in. The second and last package that
 * speaks Liquibase, beside the engine: the engine executes revisions, this package only reads schemas through
 * Liquibase's snapshot and diff. Both keep Liquibase types to themselves.
 */
@NullMarked
package dev.migrations.schema;

import org.jspecify.annotations.NullMarked;
