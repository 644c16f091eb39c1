package dev.migrations.autoconfigure;

import java.util.Set;

import dev.migrations.runner.MigrationsInitializer;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link MigrationsInitializer} initializes the database, so
 * that beans that depend on database initialization (JPA, {@code JdbcTemplate},
 * {@code JdbcClient}, ...) are created after it ran.
 */
public class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

}
