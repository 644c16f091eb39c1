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

package dev.migrations.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/properties.md} is generated from the configuration metadata the
 * configuration processor writes at compile time, so it can never disagree with the code:
 * this test fails when it is stale, and rewrites it when run with
 * {@code -Dmigrations.docs.write=true}.
 */
class PropertiesAppendixTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	@Test
	void propertiesAppendixListsEveryPropertyOfTheConfigurationMetadata() throws IOException {
		assertThat(METADATA).as("configuration metadata (written when autoconfigure compiles)").exists();
		String expected = PropertiesAppendix.render(Files.readString(METADATA, StandardCharsets.UTF_8));
		Path appendix = ProjectDocs.root().resolve("docs/properties.md");
		if (Boolean.getBoolean("migrations.docs.write")) {
			Files.writeString(appendix, expected, StandardCharsets.UTF_8);
		}
		String actual = Files.isRegularFile(appendix) ? Files.readString(appendix, StandardCharsets.UTF_8) : "";
		assertThat(actual)
			.as("docs/properties.md differs from the configuration metadata (a property was added, removed or "
					+ "its javadoc changed). Regenerate it from the repository root with: "
					+ PropertiesAppendix.REGENERATE)
			.isEqualTo(expected);
	}

	@Test
	void appendixRowGivesNameTypeDefaultAndDescription() {
		String metadata = """
				{"properties": [
				  {"name": "migrations.lock.timeout", "type": "java.time.Duration", "defaultValue": "5m",
				   "description": "Maximum time to wait\\n for another migrator."},
				  {"name": "migrations.drift.ignore", "type": "java.util.List<java.lang.String>",
				   "description": "Objects left out: a | b."},
				  {"name": "migrations.enabled", "type": "java.lang.Boolean", "defaultValue": true},
				  {"name": "migrations.mode", "type": "dev.migrations.runner.MigrationMode", "defaultValue": "upgrade"}
				]}""";

		String appendix = PropertiesAppendix.render(metadata);

		assertThat(appendix).containsSubsequence(
				"| `migrations.drift.ignore` | `List<String>` |  | Objects left out: a \\| b. |",
				"| `migrations.enabled` | `Boolean` | `true` |  |",
				"| `migrations.lock.timeout` | `Duration` | `5m` | Maximum time to wait for another migrator. |",
				"| `migrations.mode` | `MigrationMode` (`upgrade`, `validate`, `none`) | `upgrade` |  |");
	}

}
