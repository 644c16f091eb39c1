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

package dev.migrations.internal.revision;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlaceholdersTests {

	private final Placeholders placeholders = new Placeholders(Map.of("schema", "app", "role", "reader"), false);

	@Test
	void replacesInStatementsStringsAndQuotedIdentifiers() {
		assertThat(this.placeholders.replace("GRANT SELECT ON ${schema}.t TO \"${role}\"; SELECT '${schema}';", "f"))
			.isEqualTo("GRANT SELECT ON app.t TO \"reader\"; SELECT 'app';");
	}

	@Test
	void leavesCommentsAndDollarQuotesAlone() {
		String text = "-- ${unknown}\n/* ${other} */ SELECT $$ ${x} $$, $fn$ ${y} $fn$;";
		assertThat(this.placeholders.replace(text, "f")).isEqualTo(text);
	}

	@Test
	void replacesInDollarQuotesWhenAsked() {
		Placeholders inBodies = new Placeholders(Map.of("schema", "app"), true);
		assertThat(inBodies.replace("SELECT $$ ${schema} $$;", "f")).isEqualTo("SELECT $$ app $$;");
	}

	@Test
	void leavesWhatIsNotAPlaceholder() {
		assertThat(this.placeholders.replace("SELECT '${', '${ not a name }', $1;", "f"))
			.isEqualTo("SELECT '${', '${ not a name }', $1;");
	}

	@Test
	void unknownPlaceholderNamesFileAndLine() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.placeholders.replace("SELECT 1;\n\nSELECT '${missing}';", "db/002_x.sql"))
			.withMessageContaining("db/002_x.sql uses the placeholder ${missing} on line 3");
	}

}
