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
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.DriftReport;
import dev.migrations.SchemaDifference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift check: the live schema against the schema its recorded revisions produce. Run
 * on H2 and PostgreSQL.
 */
abstract class AbstractDriftTests extends AbstractDatabaseTests {

	@BeforeEach
	void addRevisions() {
		this.revisions.add("001_create_users.sql", """
				CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200),
				    CONSTRAINT uq_users_email UNIQUE (email));
				""").add("002_create_projects.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id),
				    name VARCHAR(100), rate NUMERIC(10, 2) DEFAULT 0 NOT NULL);
				CREATE VIEW active_projects AS SELECT id, name FROM projects WHERE rate > 0;
				""").add("003_add_project_costs.sql", """
				CREATE TABLE project_costs (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL,
				    cost_date DATE NOT NULL, amount NUMERIC(10, 2) NOT NULL,
				    CONSTRAINT ck_project_costs_amount CHECK (amount >= 0),
				    CONSTRAINT fk_project_costs_project FOREIGN KEY (project_id) REFERENCES projects (id));
				CREATE INDEX idx_project_costs_date ON project_costs (cost_date);
				CREATE SEQUENCE invoice_numbers START WITH 1000;
				""");
	}

	List<String> notes(DriftReport report) {
		return report.differences().stream().map(SchemaDifference::note).toList();
	}

	@Test
	void schemaBuiltByItsRevisionsHasNoDrift() {
		migrator().migrate();
		DriftReport report = migrator().drift(List.of());
		assertThat(report.differences()).isEmpty();
		assertThat(report.hasDrift()).isFalse();
		assertThat(report.summary()).contains("is what its revisions produce (revision 003)");
	}

	@Test
	void reportsAColumnAddedAnIndexDroppedAndATypeChangedByHand() {
		migrator().migrate();
		this.db.jdbc().execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(40)");
		dropIndex(null, "idx_project_costs_date", "project_costs");
		this.db.jdbc()
			.execute(this.db.isPostgres() ? "ALTER TABLE project_costs ALTER COLUMN amount TYPE NUMERIC(12, 2)"
					: this.db.isMariaDb() ? "ALTER TABLE project_costs MODIFY amount NUMERIC(12, 2) NOT NULL"
							: "ALTER TABLE project_costs ALTER COLUMN amount NUMERIC(12, 2)");
		List<String> history = this.db.history().stream().map((row) -> (String) row.get("ID")).toList();
		DriftReport report = migrator().drift(List.of());
		assertThat(report.hasDrift()).isTrue();
		assertThat(notes(report)).anySatisfy((note) -> assertThat(note.toLowerCase(Locale.ROOT))
			.startsWith("index `idx_project_costs_date` missing on `project_costs`")
			.endsWith("(created by 003)"));
		assertThat(notes(report)).anySatisfy((note) -> assertThat(note.toLowerCase(Locale.ROOT))
			.startsWith("column `nickname` unexpected on `users`: ")
			.containsAnyOf("varchar(40)", "character varying(40)")
			.endsWith("(no revision creates it)"));
		assertThat(notes(report)).anySatisfy((note) -> assertThat(note.toLowerCase(Locale.ROOT))
			.containsPattern("^column `amount` changed on `project_costs`: expected type (numeric|decimal)\\(10, 2\\)")
			.containsPattern("found type (numeric|decimal)\\(12, 2\\)"));
		assertThat(report.differences()).hasSize(3);
		// the check wrote nothing to the live database
		assertThat(this.db.history().stream().map((row) -> (String) row.get("ID")).toList()).isEqualTo(history);
	}

	@Test
	void reportsKeysConstraintsViewsAndSequencesChangedByHand() {
		migrator().migrate();
		this.db.jdbc().execute("ALTER TABLE project_costs DROP CONSTRAINT ck_project_costs_amount");
		this.db.jdbc().execute("ALTER TABLE project_costs DROP CONSTRAINT fk_project_costs_project");
		this.db.jdbc().execute("ALTER TABLE users DROP CONSTRAINT uq_users_email");
		this.db.jdbc().execute("DROP VIEW active_projects");
		this.db.jdbc().execute("DROP SEQUENCE invoice_numbers");
		this.db.jdbc()
			.execute(this.db.isMariaDb() ? "ALTER TABLE projects MODIFY name VARCHAR(100) NOT NULL"
					: "ALTER TABLE projects ALTER COLUMN name SET NOT NULL");
		this.db.jdbc().execute("CREATE TABLE scratch_copy (id INTEGER)");
		DriftReport report = migrator().drift(List.of());
		List<String> notes = notes(report).stream().map((note) -> note.toLowerCase(Locale.ROOT)).toList();
		assertThat(notes).anySatisfy((note) -> assertThat(note)
			.startsWith("check constraint `ck_project_costs_amount` missing on `project_costs`")
			.endsWith("(created by 003)"));
		assertThat(notes).anySatisfy((note) -> assertThat(note)
			.startsWith("foreign key `fk_project_costs_project` missing on `project_costs`")
			.endsWith("(created by 003)"));
		assertThat(notes)
			.anySatisfy((note) -> assertThat(note).startsWith("unique constraint `uq_users_email` missing on `users`")
				.endsWith("(created by 001)"));
		assertThat(notes).anySatisfy(
				(note) -> assertThat(note).startsWith("view `active_projects` missing").endsWith("(created by 002)"));
		assertThat(notes).anySatisfy((note) -> assertThat(note).startsWith("sequence `invoice_numbers` missing")
			.endsWith("(created by 003)"));
		assertThat(notes).anySatisfy((note) -> assertThat(note)
			.startsWith("column `name` changed on `projects`: expected nullable true, found nullable false"));
		assertThat(notes).anySatisfy((note) -> assertThat(note).startsWith("table `scratch_copy` unexpected"));
	}

	@Test
	void reportsASequenceStartAnIndexNameAPredicateAUniquenessAndAViewChangedByHand() {
		boolean postgres = this.db.isPostgres();
		boolean mariaDb = this.db.isMariaDb();
		// MariaDB refuses to drop the index a foreign key uses: no key there.
		this.revisions.add("004_add_comments.sql",
				"""
						CREATE TABLE comments (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, status VARCHAR(10) NOT NULL%s);
						CREATE INDEX ix_comments_project_id ON comments (project_id);
						CREATE UNIQUE INDEX ux_comments_status ON comments (status, id);
						CREATE SEQUENCE comment_numbers START WITH 2000 INCREMENT BY 5;
						"""
					.formatted(mariaDb ? "" : """
							,
							    CONSTRAINT fk_comments_project_id FOREIGN KEY (project_id) REFERENCES projects (id)
							    ON DELETE CASCADE""")
						+ (postgres ? "CREATE INDEX ix_comments_open ON comments (project_id) WHERE status <> 'done';"
								: ""));
		migrator().migrate();
		assertThat(migrator().drift(List.of()).differences()).isEmpty();
		this.db.jdbc().execute("DROP SEQUENCE comment_numbers");
		this.db.jdbc().execute("CREATE SEQUENCE comment_numbers START WITH 3000 INCREMENT BY 5");
		dropIndex(null, "ix_comments_project_id", "comments");
		dropIndex(null, "ux_comments_status", "comments");
		this.db.jdbc().execute("CREATE INDEX ux_comments_status ON comments (status, id)");
		this.db.jdbc()
			.execute("CREATE OR REPLACE VIEW active_projects AS SELECT id, name FROM projects WHERE rate > 10");
		if (postgres) {
			this.db.jdbc().execute("DROP INDEX ix_comments_open");
			this.db.jdbc().execute("CREATE INDEX ix_comments_open ON comments (project_id) WHERE status <> 'archived'");
		}
		List<String> notes = notes(migrator().drift(List.of())).stream()
			.map((note) -> note.toLowerCase(Locale.ROOT))
			.toList();
		assertThat(notes).anySatisfy((note) -> assertThat(note)
			.startsWith("sequence `comment_numbers` changed: expected start 2000, found start 3000"));
		assertThat(notes)
			.anySatisfy((note) -> assertThat(note).startsWith("index `ix_comments_project_id` missing on `comments`")
				.endsWith("(created by 004)"));
		if (mariaDb) {
			// A unique index is a unique constraint on MariaDB.
			assertThat(notes).anySatisfy((note) -> assertThat(note)
				.startsWith("unique constraint `ux_comments_status` missing on `comments`: expected unique (")
				.contains("status"));
			assertThat(notes).anySatisfy(
					(note) -> assertThat(note).startsWith("index `ux_comments_status` unexpected on `comments`: (")
						.doesNotContain("unique"));
		}
		else {
			assertThat(notes).anySatisfy((note) -> assertThat(note)
				.startsWith("index `ux_comments_status` changed on `comments`: expected unique ")
				.doesNotContain("found unique"));
		}
		assertThat(notes).anySatisfy((note) -> assertThat(note).startsWith("view `active_projects` changed")
			.containsPattern("> (cast\\()?10")
			.endsWith("(as of 002)"));
		if (postgres) {
			assertThat(notes).anySatisfy((note) -> assertThat(note)
				.startsWith("index `ix_comments_open` changed on `comments`: expected using btree (project_id) where")
				.contains("'done'")
				.contains("'archived'"));
		}
		assertThat(notes).hasSize((postgres || mariaDb) ? 5 : 4);
	}

	@Test
	void checksTheConfiguredSchemaWithItsOwnHistoryTable() {
		String billing = otherSchema();
		this.db.jdbc().execute("CREATE SCHEMA " + billing);
		MigrationSettings settings = MigrationSettings.defaults()
			.withHistoryTable("MIGRATION_HISTORY")
			.withDefaultSchema(billing);
		migrator(settings).migrate();
		// A table of the same name in the connection's own schema is not the checked
		// schema's business.
		this.db.jdbc().execute("CREATE TABLE users (id INTEGER)");
		assertThat(migrator(settings).drift(List.of()).differences()).isEmpty();
		dropIndex(billing, "idx_project_costs_date", "project_costs");
		assertThat(notes(migrator(settings).drift(List.of()))).singleElement()
			.satisfies((note) -> assertThat(note.toLowerCase(Locale.ROOT))
				.startsWith("index `idx_project_costs_date` missing on `project_costs`"));
	}

	@Test
	void buildsLiquibaseChangelogRevisionsWithTheMigratingEngine() {
		this.revisions.add("004_create_tags.yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: tags
				      author: bob
				      changes:
				        - createTable:
				            tableName: tags
				            columns:
				              - column: {name: id, type: INTEGER, constraints: {primaryKey: true}}
				              - column: {name: label, type: VARCHAR(50)}
				        - createIndex:
				            tableName: tags
				            indexName: idx_tags_label
				            columns:
				              - column: {name: label}
				""");
		migrator().migrate();
		assertThat(migrator().drift(List.of()).differences()).isEmpty();
		dropIndex(null, "idx_tags_label", "tags");
		assertThat(notes(migrator().drift(List.of()))).singleElement()
			.satisfies((note) -> assertThat(note.toLowerCase(Locale.ROOT))
				.startsWith("index `idx_tags_label` missing on `tags`")
				.endsWith("(created by 004)"));
	}

	@Test
	void ignoresObjectsMatchedByIgnorePatterns() {
		migrator().migrate();
		this.db.jdbc().execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, what VARCHAR(100))");
		this.db.jdbc().execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(40)");
		assertThat(migrator().drift(List.of()).differences()).hasSize(2);
		assertThat(migrator().drift(List.of("audit_*", "users.nick*")).differences()).isEmpty();
	}

}
