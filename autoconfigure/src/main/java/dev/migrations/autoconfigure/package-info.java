/**
 * Spring Boot auto-configuration and properties for migrations.
 */
@NullMarked
package dev.migrations.autoconfigure;

import org.jspecify.annotations.NullMarked;
