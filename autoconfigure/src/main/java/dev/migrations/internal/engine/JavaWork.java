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

import java.lang.reflect.Method;
import java.sql.Connection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.ClassUtils;

import dev.migrations.JavaRevision;
import dev.migrations.JavaRevisionContext;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;

/**
 * A Java revision's one change set: it calls the bean's {@code upgrade} or
 * {@code downgrade} on the migration connection, inside the revision's transaction. Its
 * SQL cannot be known without running it, so a preview says so.
 *
 * @param code the Java revision
 * @param className its class, for messages and previews
 * @author Migrations for Spring Boot contributors
 */
record JavaWork(JavaRevision code, String className) implements PlannedChangeSet.ChangeSetWork {

	static PlannedChangeSet changeSet(Revision revision, RevisionContent.Java java) {
		String description = revision.description().isEmpty() ? "java" : revision.description();
		return new PlannedChangeSet(revision.id().value(), SqlWork.AUTHOR,
				HistoryRow.REVISION_FILE_PREFIX + revision.id().value(), java.checksum(), description, null, null, true,
				new JavaWork(java.code(), ClassUtils.getUserClass(java.code()).getName()));
	}

	@Override
	public boolean matchesChecksum(String stored, String computed) {
		return stored.equals(computed);
	}

	@Override
	public String upgrade(MigrationEngine engine, StatementSink sink) throws Exception {
		if (sink.executes()) {
			this.code.upgrade(context(engine));
		}
		else {
			sink.note("Java revision " + this.code.id() + " runs " + this.className
					+ ".upgrade(): Java code cannot be previewed, so this script would record it without running it");
		}
		return "EXECUTED";
	}

	@Override
	public Reversal reversal(MigrationEngine engine) {
		return hasDowngrade() ? Reversal.by(this.className + ".downgrade()")
				: Reversal.impossible("its Java class " + this.className + " does not implement downgrade()");
	}

	@Override
	public void downgrade(MigrationEngine engine, StatementSink sink) throws Exception {
		if (sink.executes()) {
			this.code.downgrade(context(engine));
		}
		else {
			sink.note("Java revision " + this.code.id() + " is reversed by " + this.className
					+ ".downgrade(): Java code cannot be previewed, so this script would un-record it without running "
					+ "it");
		}
	}

	private boolean hasDowngrade() {
		try {
			Method downgrade = ClassUtils.getUserClass(this.code).getMethod("downgrade", JavaRevisionContext.class);
			return downgrade.getDeclaringClass() != JavaRevision.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static JavaRevisionContext context(MigrationEngine engine) {
		Connection connection = engine.connection();
		// Statements of the client run on the migration connection, in its transaction;
		// closing is suppressed.
		JdbcClient client = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		String product = engine.databaseInfo().product();
		return new JavaRevisionContext() {

			@Override
			public Connection connection() {
				return connection;
			}

			@Override
			public JdbcClient jdbcClient() {
				return client;
			}

			@Override
			public String databaseProduct() {
				return product;
			}

		};
	}

}
