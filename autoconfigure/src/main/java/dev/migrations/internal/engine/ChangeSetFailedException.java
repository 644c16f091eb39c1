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

import org.jspecify.annotations.Nullable;

/**
 * A change set failed; the engine has rolled back what the database lets it roll back.
 *
 * @author Migrations for Spring Boot contributors
 */
public class ChangeSetFailedException extends RuntimeException {

	private final String changeSet;

	private final @Nullable String statement;

	private final boolean rolledBack;

	private final @Nullable String lockWait;

	ChangeSetFailedException(String changeSet, @Nullable String statement, boolean rolledBack, Throwable cause) {
		this(changeSet, statement, rolledBack, cause, null);
	}

	private ChangeSetFailedException(String changeSet, @Nullable String statement, boolean rolledBack, Throwable cause,
			@Nullable String lockWait) {
		super(rootMessage(cause), cause);
		this.changeSet = changeSet;
		this.statement = statement;
		this.rolledBack = rolledBack;
		this.lockWait = lockWait;
	}

	/**
	 * This failure, as a lock wait that used up its retries.
	 * @param lockWait what the revision waited for and how often it tried
	 * @return the failure
	 */
	ChangeSetFailedException withLockWait(String lockWait) {
		return new ChangeSetFailedException(this.changeSet, this.statement, this.rolledBack, getCause(), lockWait);
	}

	/**
	 * Whether the database gave up waiting for a lock ({@code lock_timeout}, SQLState
	 * {@code 55P03}).
	 * @return {@code true} for a lock timeout
	 */
	public boolean isLockTimeout() {
		for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * When the revision could not get a lock within its lock timeout, however often it
	 * was tried: the lock, the table and the sessions holding it.
	 * @return the description, or {@code null} for any other failure
	 */
	public @Nullable String getLockWait() {
		return this.lockWait;
	}

	/**
	 * The failing change set, as {@code id::author}.
	 * @return the change set
	 */
	public String getChangeSet() {
		return this.changeSet;
	}

	/**
	 * The failing statement, if known.
	 * @return the statement
	 */
	public @Nullable String getStatement() {
		return this.statement;
	}

	/**
	 * Whether the whole revision was rolled back (PostgreSQL, transactional change sets).
	 * @return {@code true} if nothing of the revision stayed in the database
	 */
	public boolean isRolledBack() {
		return this.rolledBack;
	}

	static String rootMessage(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message.strip() : root.getClass().getSimpleName();
	}

}
