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

package dev.migrations.internal.engine;

import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.database.core.H2Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.core.BigIntType;
import liquibase.parser.core.yaml.YamlChangeLogParser;
import liquibase.sqlgenerator.core.CreateTableGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class LiquibaseRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	LiquibaseRuntimeHintsTests() {
		new LiquibaseRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void registersTheChangeTypesTheEngineAndChangelogsUseForReflection() {
		for (Class<?> type : new Class<?>[] { RawSQLChange.class, TagDatabaseChange.class, CreateTableChange.class }) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
						MemberCategory.ACCESS_DECLARED_FIELDS))
				.as(type.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void registersTheDatabasesDataTypesGeneratorsAndParsersLiquibaseLoadsAsServices() {
		for (Class<?> type : new Class<?>[] { H2Database.class, PostgresDatabase.class, BigIntType.class,
				CreateTableGenerator.class, YamlChangeLogParser.class }) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).as(type.getName()).accepts(this.hints);
		}
	}

	@Test
	void registersTheServiceFilesAndTheChangelogSchemas() {
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/liquibase.change.Change"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("liquibase.build.properties")).accepts(this.hints);
	}

	@Test
	void registersNothingWithoutLiquibase() {
		RuntimeHints none = new RuntimeHints();
		new LiquibaseRuntimeHints().registerHints(none, new ClassLoader(null) {
		});
		assertThat(none.reflection().typeHints()).isEmpty();
		assertThat(none.resources().resourcePatternHints()).isEmpty();
	}

}
