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

package dev.migrations.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migrations.MigrationException;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.WritableMigrationsEndpoint;
import dev.migrations.runner.Migrators;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint}.
 * The endpoint's write operations exist only with
 * {@code migrations.endpoint.write-operations=true}, and are reachable only when the
 * endpoint's access is also {@code unrestricted}: the endpoint's default access is
 * {@code read-only}. The endpoint reports on every database of the {@link Migrators}.
 *
 * @author Migrations for Spring Boot contributors
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
