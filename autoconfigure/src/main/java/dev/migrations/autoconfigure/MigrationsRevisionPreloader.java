package dev.migrations.autoconfigure;

import dev.migrations.runner.PreloadedRevisionSource;
import dev.migrations.runner.RevisionSource;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Starts reading the revision files on a background thread when the application context is prepared, before
 * its refresh, so that by the time the migration runs (during the refresh) the files are usually read and
 * checksummed already. Registered for every {@code SpringApplication}; the auto-configuration uses the result only
 * if it is for the location it migrates from, and otherwise reads the files itself.
 */
class MigrationsRevisionPreloader implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** The name of the singleton that holds the preloaded revisions. */
	static final String BEAN_NAME = "migrationsRevisionPreload";

	// What the auto-configuration needs on the class path besides a DataSource.
	private static final String LIQUIBASE_CLASS = "liquibase.change.DatabaseChange";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		String location;
		try {
			if (!ClassUtils.isPresent(LIQUIBASE_CLASS, context.getClassLoader())
					|| !environment.getProperty("migrations.enabled", Boolean.class, true)
					|| environment.getProperty("migrations.changelog") != null
					|| "none".equalsIgnoreCase(environment.getProperty("migrations.mode", "").trim())) {
				return;
			}
			location = environment.getProperty("migrations.location", MigrationsProperties.DEFAULT_LOCATION);
		}
		catch (RuntimeException ex) {
			// An invalid value: the auto-configuration reports it when it binds the properties.
			return;
		}
		PreloadedRevisionSource preloaded = PreloadedRevisionSource.start(RevisionSource.directory(location, context));
		context.getBeanFactory().registerSingleton(BEAN_NAME, new RevisionPreload(location, preloaded));
		// The migration runs during the refresh: after it, whatever was not used is let go.
		context.addApplicationListener((ApplicationEvent event) -> {
			if (event instanceof ContextRefreshedEvent) {
				preloaded.discard();
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Revisions being read in the background for one location.
	 *
	 * @param location the location they are read from
	 * @param source the source that answers from the background read
	 */
	record RevisionPreload(String location, PreloadedRevisionSource source) {
	}

}
