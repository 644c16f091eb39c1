/**
 * The engine: the only package that speaks Liquibase; compiles revisions to change sets and executes them.
 */
@NullMarked
package dev.migrations.engine;

import org.jspecify.annotations.NullMarked;
