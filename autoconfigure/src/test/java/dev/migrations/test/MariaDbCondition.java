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

package dev.migrations.test;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disables the {@link EnabledIfMariaDb} test classes when no MariaDB server answers,
 * logging once for the whole run.
 */
class MariaDbCondition implements ExecutionCondition {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbCondition.class);

	private static final AtomicBoolean logged = new AtomicBoolean();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = MariaDbServer.unavailable();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("a MariaDB server answers");
		}
		if (logged.compareAndSet(false, true)) {
			logger.warn("Skipped the MariaDB tests (every test class annotated @EnabledIfMariaDb, named MariaDb*): {}. "
					+ "To run them, start a MariaDB server or set {} (with _USER and _PASSWORD) to an admin JDBC URL "
					+ "such as jdbc:mariadb://host:3306/; .ci/run installs and starts one.", reason,
					MariaDbServer.URL_ENV);
		}
		return ConditionEvaluationResult.disabled("MariaDB tests skipped: " + reason);
	}

}
