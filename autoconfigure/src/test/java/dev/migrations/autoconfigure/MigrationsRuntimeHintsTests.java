package dev.migrations.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsRuntimeHintsTests {

	@Test
	void registersTheRevisionFilesOfTheDefaultLocationAndTheIndexes() {
		RuntimeHints hints = new RuntimeHints();
		new MigrationsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/001_initial_schema.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/002_orders.yaml")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/.revisions.index")).accepts(hints);
	}

}
