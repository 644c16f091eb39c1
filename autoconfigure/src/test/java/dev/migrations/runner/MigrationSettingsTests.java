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

package dev.migrations.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.internal.engine.EngineSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationSettings}: defaults, copies, validation of every copy, and what the
 * engine is given.
 */
class MigrationSettingsTests {

	@Test
	void defaultsUpgradeToHeadWithTheHistoryInDatabasechangelog() {
		MigrationSettings settings = MigrationSettings.defaults();
		assertThat(settings.mode()).isEqualTo(MigrationMode.UPGRADE);
		assertThat(settings.target()).isEqualTo("head");
		assertThat(settings.stamp()).isNull();
		assertThat(settings.baselineRevision()).isNull();
		assertThat(settings.baselineDescription()).isEqualTo("Baseline");
		assertThat(settings.allowDowngrade()).isFalse();
		assertThat(settings.onUnknownRevisions()).isEqualTo(UnknownRevisionsAction.WARN);
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.historyTable()).isEqualTo("DATABASECHANGELOG");
		assertThat(settings.defaultSchema()).isNull();
		assertThat(settings.contexts()).isNull();
		assertThat(settings.labels()).isNull();
		assertThat(settings.placeholders()).isEmpty();
		assertThat(settings.placeholdersInDollarQuotes()).isFalse();
		assertThat(settings.dryRunOutput()).isNull();
		assertThat(settings.repair()).isNull();
		assertThat(settings.outOfOrder()).isFalse();
	}

	@Test
	void withMethodsMakeCopiesAndLeaveTheOriginalAsItWas() {
		MigrationSettings defaults = MigrationSettings.defaults();
		MigrationSettings settings = defaults.withMode(MigrationMode.VALIDATE)
			.withTarget("017")
			.withStamp("003")
			.withBaseline("002", "Adopted")
			.withAllowDowngrade(true)
			.withOnUnknownRevisions(UnknownRevisionsAction.FAIL)
			.withLockTimeout(Duration.ofSeconds(30))
			.withHistoryTable("MIGRATION_HISTORY")
			.withDefaultSchema("billing")
			.withContexts("prod")
			.withLabels("!slow")
			.withPlaceholders(Map.of("app_schema", "billing"))
			.withPlaceholdersInDollarQuotes(true)
			.withDryRunOutput(Path.of("upgrade.sql"))
			.withRepair("005")
			.withOutOfOrder(true);
		assertThat(settings.mode()).isEqualTo(MigrationMode.VALIDATE);
		assertThat(settings.target()).isEqualTo("017");
		assertThat(settings.stamp()).isEqualTo("003");
		assertThat(settings.baselineRevision()).isEqualTo("002");
		assertThat(settings.baselineDescription()).isEqualTo("Adopted");
		assertThat(settings.allowDowngrade()).isTrue();
		assertThat(settings.onUnknownRevisions()).isEqualTo(UnknownRevisionsAction.FAIL);
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.historyTable()).isEqualTo("MIGRATION_HISTORY");
		assertThat(settings.defaultSchema()).isEqualTo("billing");
		assertThat(settings.contexts()).isEqualTo("prod");
		assertThat(settings.labels()).isEqualTo("!slow");
		assertThat(settings.placeholders()).containsExactly(Map.entry("app_schema", "billing"));
		assertThat(settings.placeholdersInDollarQuotes()).isTrue();
		assertThat(settings.dryRunOutput()).isEqualTo(Path.of("upgrade.sql"));
		assertThat(settings.repair()).isEqualTo("005");
		assertThat(settings.outOfOrder()).isTrue();
		assertThat(defaults).isEqualTo(MigrationSettings.defaults());
		assertThat(defaults.target()).isEqualTo("head");
	}

	@Test
	void everyCopyIsValidatedNamingTheProperty() {
		MigrationSettings defaults = MigrationSettings.defaults();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> defaults.withTarget("not a revision!"))
			.withMessage("Invalid value 'not a revision!' for migrations.target. Nothing was written.")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("Set migrations.target to 'head' or a revision id such as 018."));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> defaults.withTarget("base"))
			.withMessage("Invalid value 'base' for migrations.target. Nothing was written.");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> defaults.withStamp("a b"))
			.withMessage("Invalid value 'a b' for migrations.stamp. Nothing was written.");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> defaults.withBaseline("a b", "Baseline"))
			.withMessage("Invalid value 'a b' for migrations.baseline.revision. Nothing was written.");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> defaults.withRepair("head"))
			.withMessage("Invalid value 'head' for migrations.repair. Nothing was written.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> defaults.withLockTimeout(Duration.ofSeconds(-1)))
			.withMessage("Invalid value 'PT-1S' for migrations.lock.timeout. Nothing was written.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> defaults.withHistoryTable("history; DROP TABLE users"))
			.withMessage(
					"Invalid value 'history; DROP TABLE users' for migrations.history-table. Nothing was written.");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> defaults.withDefaultSchema("bill-ing"))
			.withMessage("Invalid value 'bill-ing' for migrations.default-schema. Nothing was written.")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("Set migrations.default-schema to a plain schema name of letters, digits and '_'."));
	}

	@Test
	void placeholdersAreACopySortedByNameThatCannotBeChanged() {
		Map<String, String> values = new HashMap<>(Map.of("reader_role", "billing_ro", "app_schema", "billing"));
		MigrationSettings settings = MigrationSettings.defaults().withPlaceholders(values);
		values.put("app_schema", "changed");
		assertThat(settings.placeholders()).containsExactly(Map.entry("app_schema", "billing"),
				Map.entry("reader_role", "billing_ro"));
		assertThat(settings.placeholders()).isUnmodifiable();
	}

	@Test
	void settingsWithTheSameValuesAreEqual() {
		MigrationSettings one = MigrationSettings.defaults().withTarget("017").withPlaceholders(Map.of("a", "1"));
		MigrationSettings other = MigrationSettings.defaults()
			.withPlaceholders(new HashMap<>(Map.of("a", "1")))
			.withTarget("017");
		assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
		assertThat(one).isNotEqualTo(other.withPlaceholders(Map.of("a", "2")));
		assertThat(one).isNotEqualTo(other.withContexts("prod"));
	}

	@Test
	void toStringNamesThePlaceholdersButNotTheirValuesWhichMayBeSecrets() {
		MigrationSettings settings = MigrationSettings.defaults()
			.withDefaultSchema("billing")
			.withPlaceholders(Map.of("reader_password", "s3cr3t"));
		assertThat(settings.toString()).contains("defaultSchema=billing", "placeholders=[reader_password]")
			.doesNotContain("s3cr3t");
	}

	@Test
	void theEngineIsGivenTheHistoryTableSchemaSelectionAndPlaceholders() {
		EngineSettings engine = MigrationSettings.defaults()
			.withHistoryTable("MIGRATION_HISTORY")
			.withDefaultSchema("billing")
			.withContexts("prod")
			.withLabels("!slow")
			.withPlaceholders(Map.of("app_schema", "billing"))
			.withPlaceholdersInDollarQuotes(true)
			.engine();
		assertThat(engine.historyTable()).isEqualTo("MIGRATION_HISTORY");
		assertThat(engine.lockTable()).isEqualTo("MIGRATION_HISTORYLOCK");
		assertThat(engine.defaultSchema()).isEqualTo("billing");
		assertThat(engine.contexts()).isEqualTo("prod");
		assertThat(engine.labels()).isEqualTo("!slow");
		assertThat(engine.placeholders().values()).containsExactly(Map.entry("app_schema", "billing"));
		assertThat(engine.placeholders().inDollarQuotes()).isTrue();
	}

}
