package dev.migrations.engine;

import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class LiquibaseScopeTests {

	@Test
	void liquibaseAnalyticsAreOffInsideTheStartersScope() throws Exception {
		assertThat(AnalyticsArgs.ENABLED.getCurrentValue()).as("left to Liquibase's remote configuration")
			.isNotEqualTo(Boolean.FALSE);
		Boolean enabled = Scope.child(LiquibaseSession.scope(new DefaultResourceLoader()),
				() -> AnalyticsArgs.ENABLED.getCurrentValue());
		assertThat(enabled).isFalse();
	}

	@Test
	void anExplicitChoiceOfTheUserIsRespected() throws Exception {
		System.setProperty("liquibase.analytics.enabled", "true");
		try {
			Boolean enabled = Scope.child(LiquibaseSession.scope(new DefaultResourceLoader()),
					() -> AnalyticsArgs.ENABLED.getCurrentValue());
			assertThat(enabled).isTrue();
		}
		finally {
			System.clearProperty("liquibase.analytics.enabled");
		}
	}

}
