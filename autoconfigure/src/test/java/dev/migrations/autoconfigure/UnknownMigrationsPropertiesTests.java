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

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.migrations.MigrationException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misspelled setting under {@code migrations.} fails the start naming the key, where it
 * came from and the setting it probably meant, before anything is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownMigrationsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void failsNamingAMisspelledSettingAndTheClosestKnownOne() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.out-of-ordr=true",
					"migrations.backup.requird=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("migrations.out-of-ordr", "migrations.backup.requird",
						"Nothing was done");
				assertThat(analysis.getAction()).contains(
						"migrations.out-of-ordr: did you mean migrations.out-of-order?",
						"migrations.backup.requird: did you mean migrations.backup.required?");
				assertThat(db.tables()).isEmpty();
			});
	}

	@Test
	void failsNamingTheInstanceSettingForAMisspelledInstanceKey() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("migrations.instances.billing.url=" + db.url(),
					"migrations.instances.billing.backup.directry=/tmp/x")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessageContaining("migrations.instances.billing.backup.directry");
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("migrations.instances.billing.backup.directry: did you mean "
						+ "migrations.instances.billing.backup.directory?");
				assertThat(db.tables()).isEmpty();
			});
	}

	@Test
	void acceptsEveryRelaxedFormOfAKnownSettingAndAnyPlaceholderName() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.outOfOrder=false",
					"migrations.backup.pg_dump_path=pg_dump", "migrations.placeholders.anyThing=x",
					"migrations.drift.ignore[0]=A", "migrations.drift.ignore[1]=B", "migrations.lock.TIMEOUT=1m")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void acceptsAKnownSettingAsAnEnvironmentVariableAndOnlyWarnsOfAnUnknownOne(CapturedOutput output) {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + db.url())
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("MIGRATIONS_OUTOFORDER", "false", "MIGRATIONS_BACKUP_PGDUMPPATH", "pg_dump",
										"MIGRATIONS_OUTOFORDR", "true"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("migrations.outofordr", "not used, no setting of migrations has this name",
						"did you mean migrations.out-of-order?");
				assertThat(output).doesNotContain("migrations.outoforder:", "migrations.backup.pgdumppath");
			});
	}

	@Test
	void leavesOtherPrefixesAlone() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.hikari.no-such-thing=1")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("other", Map.of("migrationsx.y", "1"))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
