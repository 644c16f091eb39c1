package dev.migrations.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches Spring Boot's own Liquibase integration off by default while migrations are
 * enabled, so that Liquibase never runs twice on one database when
 * {@code spring-boot-liquibase} is on the classpath too. An explicit
 * {@code spring.liquibase.enabled=true} is left alone, and fails the start with a clear
 * message.
 */
class MigrationsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrationsDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean enabled = environment.getProperty("migrations.enabled", Boolean.class, true);
		if (enabled && !environment.containsProperty("spring.liquibase.enabled")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.liquibase.enabled", "false")));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
