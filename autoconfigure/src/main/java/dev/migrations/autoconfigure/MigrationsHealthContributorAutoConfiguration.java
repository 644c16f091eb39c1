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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.migrations.actuate.MigrationsHealthIndicator;
import dev.migrations.runner.Migrators;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link MigrationsHealthIndicator}: named {@code migrations}, a composite with one
 * indicator per database (by instance name) when there are several, and a member of the
 * readiness group of the availability probes.
 *
 * @author Migrations for Spring Boot contributors
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = MigrationsHealthContributorAutoConfiguration.AVAILABILITY_PROBES)
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnBean(Migrators.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration {

	static final String AVAILABILITY_PROBES = "org.springframework.boot.health.autoconfigure.actuate.endpoint."
			+ "AvailabilityProbesAutoConfiguration";

	private static final String CONTRIBUTOR = "migrations";

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(Migrators migrators) {
		if (migrators.size() == 1) {
			return new MigrationsHealthIndicator(migrators.single());
		}
		return CompositeHealthContributor.fromMap(migrators.asMap(), MigrationsHealthIndicator::new);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
			"org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor" })
	@ConditionalOnBooleanProperty(name = "management.endpoint.health.probes.enabled", matchIfMissing = true)
	static class ReadinessConfiguration {

		private static final String READINESS_GROUP = "management.endpoint.health.group.readiness";

		// Registered after Spring Boot's probes post-processor (see afterName), so that
		// it runs after it: that one
		// creates the readiness group.
		@Bean
		HealthEndpointGroupsPostProcessor migrationsReadinessHealthEndpointGroupsPostProcessor(
				Environment environment) {
			Binder binder = Binder.get(environment);
			boolean configured = binder.bind(READINESS_GROUP + ".include", Bindable.setOf(String.class)).isBound()
					|| binder.bind(READINESS_GROUP + ".exclude", Bindable.setOf(String.class)).isBound();
			return new MigrationsReadinessHealthEndpointGroupsPostProcessor(CONTRIBUTOR, configured);
		}

	}

}
