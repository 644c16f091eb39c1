/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.internal.runner;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.aot.AbstractAotProcessor;

import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;

/**
 * Runs the migrator, or the migrators of several databases in order, during context
 * refresh. Spring Boot's database-initialization ordering makes JPA,
 * {@code JdbcTemplate}, {@code JdbcClient} and beans marked
 * {@code @DependsOnDatabaseInitialization} wait for it. It never runs while Spring AOT
 * processes the application at build time.
 *
 * @author Migrations for Spring Boot contributors
 */
public class MigrationsInitializer implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsInitializer.class);

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

	/**
	 * Create an initializer whose subclass provides the migrators itself, overriding
	 * {@link #afterPropertiesSet()} and {@link #getMigrators()}.
	 */
	protected MigrationsInitializer() {
		this.migrator = null;
		this.migrators = null;
	}

	@Override
	public void afterPropertiesSet() {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			// AOT processing may create beans that depend on database initialization
			// (Spring Data's AOT
			// repositories do): the database configured at build time is not the one to
			// migrate.
			logger.info("Spring AOT processing: no migration at build time");
			return;
		}
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
		return getMigrators().single();
	}

	/**
	 * The migrators this initializer runs, in order.
	 * @return the migrators; a single migrator under the name {@code migrator}
	 */
	public Migrators getMigrators() {
		return (this.migrators != null) ? this.migrators : Migrators.of("migrator", this.migrator);
	}

}
