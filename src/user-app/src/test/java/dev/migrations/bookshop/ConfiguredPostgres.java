package dev.migrations.bookshop;

import java.util.Map;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's own configuration at a PostgreSQL database, as a user's
 * application.properties does in production. Unlike {@code @DynamicPropertySource}, which
 * Spring Boot treats as a test database, a slice replaces this one with an embedded
 * database; the tests check that it stays empty.
 */
class ConfiguredPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The database the application is configured for. */
	static final TestDatabase DATABASE = TestDatabases.postgres();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("applicationDatabase", Map.of("spring.datasource.url", DATABASE.url(),
					"spring.datasource.username", DATABASE.user(), "spring.datasource.password", DATABASE.password())));
	}

}
