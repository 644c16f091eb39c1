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

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;
import dev.migrations.runner.PostgresSettings;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.postgresql.*} reach the migrator, for the single database and per
 * instance ({@code migrations.instances.<name>.postgresql.*}).
 */
class MigrationsPostgresqlPropertiesTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void lockTimeoutsAreOnByDefault() {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp)
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=" + revisions.location())
			.run((context) -> assertThat(context.getBean(Migrator.class).postgresSettings())
				.isEqualTo(PostgresSettings.defaults()));
	}

	@Test
	void postgresqlPropertiesConfigureTheMigrator() {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp)
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=" + revisions.location(),
					"migrations.postgresql.lock-timeout=2s", "migrations.postgresql.lock-retries=1",
					"migrations.postgresql.statement-timeout=1m", "migrations.postgresql.large-table-rows=500",
					"migrations.postgresql.refuse-blocking-locks=true")
			.run((context) -> {
				PostgresSettings settings = context.getBean(Migrator.class).postgresSettings();
				assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.lockRetries()).isOne();
				assertThat(settings.statementTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(settings.largeTableRows()).isEqualTo(500);
				assertThat(settings.refuseBlockingLocks()).isTrue();
			});
	}

	@Test
	void eachInstanceHasItsOwnPostgresqlProperties() {
		TestDatabase orders = TestDatabases.h2();
		TestDatabase billing = TestDatabases.h2();
		RevisionDirectory ordersRevisions = RevisionDirectory.in(this.temp.resolve("orders"))
			.add("001_create_orders.sql", "CREATE TABLE orders (id INTEGER);");
		RevisionDirectory billingRevisions = RevisionDirectory.in(this.temp.resolve("billing"))
			.add("001_create_invoices.sql", "CREATE TABLE invoices (id INTEGER);");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withPropertyValues("migrations.instances.orders.url=" + orders.url(),
					"migrations.instances.orders.user=" + orders.user(),
					"migrations.instances.orders.location=" + ordersRevisions.location(),
					"migrations.instances.orders.backup.enabled=false",
					"migrations.instances.billing.url=" + billing.url(),
					"migrations.instances.billing.user=" + billing.user(),
					"migrations.instances.billing.location=" + billingRevisions.location(),
					"migrations.instances.billing.backup.enabled=false",
					"migrations.instances.billing.postgresql.lock-timeout=30s",
					"migrations.instances.billing.postgresql.lock-retries=0")
			.run((context) -> {
				Migrators migrators = context.getBean(Migrators.class);
				assertThat(migrators.get("orders").postgresSettings()).isEqualTo(PostgresSettings.defaults());
				PostgresSettings billingSettings = migrators.get("billing").postgresSettings();
				assertThat(billingSettings.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(billingSettings.lockRetries()).isZero();
			});
	}

}
