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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A revision written in Java, for data migrations that need logic: a bean implementing
 * this interface takes part in the revisions like a file of the same id. It is ordered
 * among the revision files by its id (or by {@link #downRevisions()}), runs under the
 * same lock and, on PostgreSQL, in the same transaction as its history row, and is
 * reported like any revision.
 * <p>
 * Java revisions run before the application's database-backed beans exist: a Java
 * revision must not depend on beans that need the migrated database (JPA repositories,
 * {@code EntityManager}, {@code JdbcTemplate}, {@code JdbcClient} beans, services built
 * on them). It gets what it needs from the {@link JavaRevisionContext}: the migration
 * connection and a {@code JdbcClient} on it. It must not commit, roll back or change the
 * connection's auto-commit: the migrator commits the revision together with its history
 * row. <pre class="code">
 * &#64;Component
 * class SplitFullNames implements JavaRevision {
 *
 *     public String id() { return "019"; }
 *
 *     public String description() { return "split full names"; }
 *
 *     public void upgrade(JavaRevisionContext context) {
 *         JdbcClient jdbc = context.jdbcClient();
 *         for (Map&lt;String, Object&gt; person : jdbc.sql("SELECT id, full_name FROM people").query().listOfRows()) {
 *             String[] names = ((String) person.get("full_name")).split(" ", 2);
 *             jdbc.sql("UPDATE people SET first_name = ?, last_name = ? WHERE id = ?")
 *                 .params(names[0], (names.length &gt; 1) ? names[1] : "", person.get("id")).update();
 *         }
 *     }
 *
 * }
 * </pre>
 *
 * @author Migrations for Spring Boot contributors
 */
public interface JavaRevision {

	/**
	 * The revision id, as the text before the first {@code _} of a revision file's name:
	 * {@code 019}.
	 * @return the id
	 */
	String id();

	/**
	 * What the revision is about, as a revision file's slug with spaces.
	 * @return the description; empty by default
	 */
	default String description() {
		return "";
	}

	/**
	 * The revisions this one follows, as a file's {@code down_revision} header: several
	 * for a merge revision, none for a first revision.
	 * @return the ids, or {@code null} (the default) to follow the revision before it in
	 * natural order
	 */
	default @Nullable List<String> downRevisions() {
		return null;
	}

	/**
	 * The version of this revision's code, which its checksum is made of. Bump it when a
	 * change to the code must count as an edit of an applied revision (the next start
	 * then fails, as for an edited file); leave it when the change is a refactoring.
	 * @return the version; 1 by default
	 */
	default int version() {
		return 1;
	}

	/**
	 * Apply the revision on the migration connection. Do not commit.
	 * @param context the migration connection
	 * @throws Exception if the revision fails; on PostgreSQL everything it did is rolled
	 * back
	 */
	void upgrade(JavaRevisionContext context) throws Exception;

	/**
	 * Reverse the revision on the migration connection. Do not commit. A revision that
	 * does not override this method cannot be downgraded (checked before a downgrade
	 * touches anything).
	 * @param context the migration connection
	 * @throws Exception if the reversal fails; on PostgreSQL everything it did is rolled
	 * back
	 */
	default void downgrade(JavaRevisionContext context) throws Exception {
		throw new UnsupportedOperationException("Java revision " + id() + " has no downgrade");
	}

}
