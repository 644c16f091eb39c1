package dev.migrations.autoconfigure;

import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.WritableMigrationsEndpoint;
import dev.migrations.MigrationException;
import dev.migrations.runner.Migrators;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint}.
 * The endpoint's write operations exist only with
 * {@code migrations.endpoint.write-operations=true}, and are reachable only when the
 * endpoint's access is also {@code unrestricted}: the endpoint's default access is
 * {@code read-only}. The endpoint reports on every database of the {@link Migrators}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	private static final String WRITE_OPERATIONS = "migrations.endpoint.write-operations";

	@Bean
	@ConditionalOnBean(Migrators.class)
	@ConditionalOnMissingBean(MigrationsEndpoint.class)
	@ConditionalOnBooleanProperty(name = WRITE_OPERATIONS, havingValue = false, matchIfMissing = true)
	MigrationsEndpoint migrationsEndpoint(Migrators migrators) {
		return new MigrationsEndpoint(migrators);
	}

	@Bean
	@ConditionalOnBean(Migrators.class)
	@ConditionalOnMissingBean(MigrationsEndpoint.class)
	@ConditionalOnBooleanProperty(name = WRITE_OPERATIONS)
	WritableMigrationsEndpoint writableMigrationsEndpoint(Migrators migrators) {
		if (migrators.size() > 1) {
			throw new MigrationException(
					WRITE_OPERATIONS + "=true: the endpoint's write operations migrate one database, and this "
							+ "application has several (" + String.join(", ", migrators.names()) + ").",
					"Set " + WRITE_OPERATIONS + "=false, and migrate each database at startup or with the "
							+ "Migrators bean in code.");
		}
		return new WritableMigrationsEndpoint(migrators.single());
	}

}
