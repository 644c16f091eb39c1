package dev.migrations.runner;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the migrator, or the migrators of several databases in order, during context refresh. Spring Boot's
 * database-initialization ordering makes JPA, {@code JdbcTemplate}, {@code JdbcClient} and beans marked
 * {@code @DependsOnDatabaseInitialization} wait for it.
 */
public class MigrationsInitializer implements InitializingBean {

	private final @Nullable Migrator migrator;

	private final @Nullable Migrators migrators;

	/**
	 * Create an initializer for one database.
	 * @param migrator the migrator to run
	 */
	public MigrationsInitializer(Migrator migrator) {
		this.migrator = migrator;
		this.migrators = null;
	}

	/**
	 * Create an initializer for several databases, run one after the other.
	 * @param migrators the migrators to run, in order
	 */
	public MigrationsInitializer(Migrators migrators) {
		this.migrator = null;
		this.migrators = migrators;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.migrators != null) {
			this.migrators.migrate();
		}
		else if (this.migrator != null) {
			this.migrator.migrate();
		}
	}

	/**
	 * The migrator this initializer runs.
	 * @return the migrator
	 * @throws IllegalStateException if it runs several
	 */
	public Migrator getMigrator() {
		return (this.migrators != null) ? this.migrators.single() : this.migrator;
	}

	/**
	 * The migrators this initializer runs, in order.
	 * @return the migrators; a single migrator under the name {@code migrator}
	 */
	public Migrators getMigrators() {
		return (this.migrators != null) ? this.migrators : Migrators.of("migrator", this.migrator);
	}

}
