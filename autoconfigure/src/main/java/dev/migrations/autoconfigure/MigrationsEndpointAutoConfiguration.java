package dev.migrations.autoconfigure;

import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.WritableMigrationsEndpoint;
import dev.migrations.runner.Migrator;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint}. The endpoint's write
 * operations exist only with {@code migrations.endpoint.write-operations=true}, and are reachable only when the
 * endpoint's access is also {@code unrestricted}: the endpoint's default access is {@code read-only}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	private static final String WRITE_OPERATIONS = "migrations.endpoint.write-operations";

	@Bean
	@ConditionalOnSingleCandidate(Migrator.class)
	@ConditionalOnMissingBean(MigrationsEndpoint.class)
	@ConditionalOnBooleanProperty(name = WRITE_OPERATIONS, havingValue = false, matchIfMissing = true)
	MigrationsEndpoint migrationsEndpoint(Migrator migrator) {
		return new MigrationsEndpoint(migrator);
	}

	@Bean
	@ConditionalOnSingleCandidate(Migrator.class)
	@ConditionalOnMissingBean(MigrationsEndpoint.class)
	@ConditionalOnBooleanProperty(name = WRITE_OPERATIONS)
	WritableMigrationsEndpoint writableMigrationsEndpoint(Migrator migrator) {
		return new WritableMigrationsEndpoint(migrator);
	}

}
