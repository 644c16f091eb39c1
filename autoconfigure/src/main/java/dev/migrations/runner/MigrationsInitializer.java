package dev.migrations.runner;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the migrator during context refresh. Spring Boot's database-initialization ordering makes JPA,
 * {@code JdbcTemplate}, {@code JdbcClient} and beans marked {@code @DependsOnDatabaseInitialization} wait for it.
 */
public class MigrationsInitializer implements InitializingBean {

	private final Migrator migrator;

	/**
	 * Create an initializer.
	 * @param migrator the migrator to run
	 */
	public MigrationsInitializer(Migrator migrator) {
		this.migrator = migrator;
	}

	@Override
	public void afterPropertiesSet() {
		this.migrator.migrate();
	}

	/**
	 * The migrator this initializer runs.
	 * @return the migrator
	 */
	public Migrator getMigrator() {
		return this.migrator;
	}

}
