package dev.migrations.revision;

import java.util.Map;

import dev.migrations.MigrationException;
import org.junit.jupiter.api.Test;

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
