/**
 * The engine: compiles revisions to change sets and executes them through Liquibase. With
 * {@code schema}, which only reads schemas (snapshot and diff), the only package that
 * speaks Liquibase.
 */
@NullMarked
package dev.migrations.engine;

import org.jspecify.annotations.NullMarked;
