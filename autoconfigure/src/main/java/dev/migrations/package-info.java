/**
 * Migrations for Spring Boot: Alembic-style numbered revisions applied at startup, on top
 * of Liquibase core.
 */
@NullMarked
package dev.migrations;

import org.jspecify.annotations.NullMarked;
