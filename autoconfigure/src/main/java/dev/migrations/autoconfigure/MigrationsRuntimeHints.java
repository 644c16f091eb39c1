package dev.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints for a native image: the revision files of the default location and the
 * revision indexes written at build time. The files of another configured location are
 * registered by {@link MigrationsRevisionIndexAotProcessor}; Liquibase's own needs by
 * {@code dev.migrations.engine.LiquibaseRuntimeHints}.
 */
class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("db/migrations/*");
	}

}
