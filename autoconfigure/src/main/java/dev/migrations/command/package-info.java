/**
 * Commands: Alembic's command set ({@code current}, {@code history}, {@code upgrade},
 * ...) run from the application's own jar with {@code --migrations.command}, translated
 * onto the operations API.
 */
@NullMarked
package dev.migrations.command;

import org.jspecify.annotations.NullMarked;
