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

/**
 * Told about each statement a measuring {@link RevisionExecutor} has just executed, while
 * the revision's transaction is still open: what it locked can be read then.
 *
 * @author Migrations for Spring Boot contributors
 */
@FunctionalInterface
public interface StatementObserver {

	/**
	 * A revision's transaction has begun, before its first statement.
	 * @throws java.sql.SQLException if the state before it cannot be read
	 */
	default void beginning() throws java.sql.SQLException {
	}

	/**
	 * A statement has been executed.
	 * @param statement the statement's text
	 * @throws java.sql.SQLException if what it did cannot be read
	 */
	void executed(String statement) throws java.sql.SQLException;

}
