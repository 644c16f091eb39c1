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

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the statements of a change set go: executed one by one on the migration
 * connection, or collected for a preview ({@code --sql}, the dry run, {@code show}).
 * Change sets hand every statement to a sink, so that what a preview prints is what an
 * execution runs.
 *
 * @author Migrations for Spring Boot contributors
 */
final class StatementSink {

	private final @Nullable MigrationEngine engine;

	private final List<String> collected = new ArrayList<>();

	private final @Nullable StatementObserver observer;

	private StatementSink(@Nullable MigrationEngine engine) {
		this(engine, null);
	}

	private StatementSink(@Nullable MigrationEngine engine, @Nullable StatementObserver observer) {
		this.engine = engine;
		this.observer = observer;
	}

	static StatementSink observing(MigrationEngine engine, StatementObserver observer) {
		return new StatementSink(engine, observer);
	}

	static StatementSink executing(MigrationEngine engine) {
		return new StatementSink(engine);
	}

	static StatementSink collecting() {
		return new StatementSink(null);
	}

	/**
	 * Whether statements are executed (not only collected).
	 * @return whether executes
	 */
	boolean executes() {
		return this.engine != null;
	}

	/**
	 * Execute or collect one statement.
	 * @param sql the sql
	 */
	void statement(String sql) {
		if (this.engine != null) {
			this.engine.execute(sql);
			if (this.observer != null) {
				try {
					this.observer.executed(sql);
				}
				catch (java.sql.SQLException ex) {
					throw new MigrationEngine.StatementFailedException(sql, ex);
				}
			}
		}
		else {
			this.collected.add(sql);
		}
	}

	/**
	 * Execute or collect one statement of the history's bookkeeping (not the revision's
	 * own, so not counted in its progress).
	 * @param sql the sql
	 */
	void bookkeeping(String sql) {
		if (this.engine != null) {
			this.engine.executeBookkeeping(sql);
		}
		else {
			this.collected.add(sql);
		}
	}

	/**
	 * Execute or collect one history row: executed through the session's prepared INSERT,
	 * collected as its literal INSERT.
	 * @param row the row
	 */
	void historyRow(HistoryTable.Insert row) {
		if (this.engine != null) {
			this.engine.insertHistory(row);
		}
		else {
			this.collected.add(row.literalSql());
		}
	}

	/**
	 * Tell the reader of a preview something that has no SQL text (Java code, a prepared
	 * statement); executions ignore it.
	 * @param text the text
	 */
	void note(String text) {
		if (this.engine == null) {
			this.collected.add("-- " + text);
		}
	}

	/**
	 * The migration connection, for work that is not SQL text; only while executing.
	 * @return the connection
	 */
	Connection connection() {
		if (this.engine == null) {
			throw new IllegalStateException("A preview has no connection to run code on");
		}
		return this.engine.connection();
	}

	List<String> statements() {
		return this.collected;
	}

}
