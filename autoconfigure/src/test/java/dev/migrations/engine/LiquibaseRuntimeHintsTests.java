package dev.migrations.engine;

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
