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

package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * A failure that a user has to act on. It carries what happened, and the action that
 * resolves it, so that Spring Boot's failure analysis can print both.
 *
 * @author Migrations for Spring Boot contributors
 */
public class MigrationException extends RuntimeException {

	private final String action;

	/**
	 * Create a new exception.
	 * @param description what happened, and where: revision, file, change set, statement
	 * @param action the exact next step
	 */
	public MigrationException(String description, String action) {
		this(description, action, null);
	}

	/**
	 * Create a new exception.
	 * @param description what happened, and where: revision, file, change set, statement
	 * @param action the exact next step
	 * @param cause the underlying error
	 */
	public MigrationException(String description, String action, @Nullable Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * What happened.
	 * @return the description
	 */
	public String getDescription() {
		return getMessage();
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
