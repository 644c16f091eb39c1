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

package dev.migrations.runner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.internal.revision.RevisionContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ${name}} placeholders in plain SQL revisions and as changelog parameters. Run on
 * H2 and on PostgreSQL.
 */
abstract class AbstractPlaceholderTests extends AbstractDatabaseTests {

	static final String USERS = """
			-- ${not_a_placeholder_in_a_comment}
			CREATE TABLE ${prefix}users (id INTEGER PRIMARY KEY, note VARCHAR(100));
			INSERT INTO ${prefix}users (id, note) VALUES (1, '${greeting}');
			""";

	static MigrationSettings placeholders(Map<String, String> values, boolean inDollarQuotes) {
		return MigrationSettings.defaults().withPlaceholders(values).withPlaceholdersInDollarQuotes(inDollarQuotes);
	}

	static MigrationSettings acme() {
		return placeholders(Map.of("prefix", "acme_", "greeting", "hello from acme"), false);
	}

	@Test
	void replacesPlaceholdersInStatementsAndStringsButTakesTheChecksumOfTheText() {
		this.revisions.add("001_create_users.sql", USERS);
		migrator(acme()).migrate();
		assertThat(this.db.jdbc().queryForObject("SELECT note FROM acme_users", String.class))
			.isEqualTo("hello from acme");
		assertThat(this.db.history().get(0).get("MD5SUM")).isEqualTo("9:" + RevisionContent.Sql.md5(USERS));
		// Another environment's values are not an edit of the file.
		RunReport elsewhere = migrator(placeholders(Map.of("prefix", "other_", "greeting", "hi"), false)).migrate();
		assertThat(elsewhere.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(migrator(placeholders(Map.of("prefix", "other_", "greeting", "hi"), false)).status().state())
			.isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void driftCheckBuildsTheExpectedSchemaWithThePlaceholders() {
		this.revisions.add("001_create_users.sql", USERS);
		migrator(acme()).migrate();
		assertThat(migrator(acme()).drift(List.of()).differences()).isEmpty();
	}

	@Test
	void leavesDollarQuotedBodiesAloneUnlessAsked() {
		this.revisions.add("001_create_notes.sql", """
				CREATE TABLE notes (id INTEGER PRIMARY KEY, note VARCHAR(100));
				INSERT INTO notes (id, note) VALUES (1, $$kept ${literal}$$);
				""");
		migrator(acme()).migrate();
		assertThat(this.db.jdbc().queryForObject("SELECT note FROM notes", String.class)).isEqualTo("kept ${literal}");
		this.revisions.add("002_more_notes.sql", "INSERT INTO notes (id, note) VALUES (2, $$${prefix}note$$);");
		migrator(placeholders(Map.of("prefix", "acme_"), true)).migrate();
		assertThat(this.db.jdbc().queryForObject("SELECT note FROM notes WHERE id = 2", String.class))
			.isEqualTo("acme_note");
	}

	@Test
	void placeholderWithoutValueFailsNamingFileAndLineAndWritesNothing() {
		this.revisions.add("001_create_users.sql", USERS).add("002_grant.sql", """
				-- grants for the reporting role
				CREATE TABLE reports (id INTEGER);
				INSERT INTO reports (id) VALUES (${report_id});
				""");
		Migrator migrator = migrator(acme());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("002_grant.sql uses the placeholder ${report_id} on line 3, which has no value "
					+ "(placeholders set: greeting, prefix). Nothing was written.")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("migrations.placeholders.report_id"));
		assertThat(migrator.lastRun().outcome()).isEqualTo(RunReport.Outcome.REFUSED);
		assertThat(this.db.tables()).isEmpty();
		assertThat(migrator.show("002").orElseThrow().sql()).singleElement()
			.asString()
			.contains("uses the placeholder ${report_id} on line 3");
	}

	@Test
	void dryRunAndShowPrintTheReplacedSql() {
		this.revisions.add("001_create_users.sql", USERS);
		List<String> sql = migrator(acme()).previewUpgrade(Target.HEAD).statements();
		assertThat(sql).anyMatch((statement) -> statement.contains("CREATE TABLE acme_users"))
			.anyMatch((statement) -> statement.contains("'hello from acme'"))
			.noneMatch((statement) -> statement.contains("${prefix}"));
		assertThat(migrator(acme()).show("001").orElseThrow().sql())
			.anyMatch((statement) -> statement.contains("CREATE TABLE acme_users"));
		assertThat(this.db.tables()).isEmpty();
	}

	@Test
	void downgradeFilesUseThePlaceholdersToo() {
		this.revisions.add("001_create_users.sql", USERS)
			.add("001_create_users.down.sql", "DROP TABLE ${prefix}users;")
			.add("002_create_roles.sql", "CREATE TABLE roles (id INTEGER);")
			.add("002_create_roles.down.sql", "DROP TABLE roles;");
		migrator(acme()).migrate();
		migrator(acme().withTarget("001").withAllowDowngrade(true)).migrate();
		assertThat(this.db.tables()).contains("acme_users").doesNotContain("roles");
	}

	@Test
	void changelogRevisionsGetThePlaceholdersAsParametersAndKeepTheirChecksum() {
		this.revisions.add("001_create_projects.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: projects
				      author: team
				      changes:
				        - createTable:
				            tableName: ${prefix}projects
				            columns:
				              - column: {name: id, type: INTEGER}
				""");
		migrator(acme()).migrate();
		assertThat(this.db.tables()).contains("acme_projects");
		RunReport elsewhere = migrator(placeholders(Map.of("prefix", "other_"), false)).migrate();
		assertThat(elsewhere.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(this.db.tables()).doesNotContain("other_projects");
	}

}
