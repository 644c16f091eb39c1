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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import dev.migrations.MigrationException;

/**
 * Reports a {@link MigrationException} as "APPLICATION FAILED TO START": what happened,
 * and the next step.
 *
 * @author Migrations for Spring Boot contributors
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> implements Ordered {

	@Override
	public int getOrder() {
		// Before Spring Boot's analyzers of a failed binding, which would report an
		// unknown migrations setting without its closest known name.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
