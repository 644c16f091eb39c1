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

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migrations.actuate.MigrationsMetrics;
import dev.migrations.runner.Migrators;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link MigrationsMetrics}: run
 * durations, revisions applied and revisions pending, per database, tagged with its name.
 *
 * @author Migrations for Spring Boot contributors
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Migrators.class, MeterRegistry.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetrics migrationsMetrics(Migrators migrators) {
		return new MigrationsMetrics(migrators.asMap());
	}

}
