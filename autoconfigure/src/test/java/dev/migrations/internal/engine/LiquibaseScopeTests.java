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
