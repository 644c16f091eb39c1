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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import dev.migrations.DriftReport;
import dev.migrations.MigrationException;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A baseline generated from a legacy database, proved by round trip: legacy database with
 * data → generated baseline → a fresh database built from it → the drift check against
 * the legacy database finds nothing, and the data is untouched. Run on H2, PostgreSQL and
 * MariaDB (which has variants of its own in {@link MariaDbBaselineGenerationTests}).
 */
abstract class AbstractBaselineGenerationTests extends AbstractDatabaseTests {

	static final Path SAMPLE_REVISIONS = Path.of("../sample-app/src/main/resources/db/migrations");

	/**
	 * A legacy database: the schema and data of the given revisions, without any
	 * migration history.
	 */
	void buildLegacy(RevisionDirectory legacyRevisions) {
		migrator(legacyRevisions, MigrationSettings.defaults()).migrate();
		this.db.jdbc().execute("DROP TABLE DATABASECHANGELOG");
		this.db.jdbc().execute("DROP TABLE IF EXISTS DATABASECHANGELOGLOCK");
	}

	Map<String, List<Map<String, Object>>> data(TestDatabase database) {
		Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
		if (database.isMariaDb()) {
			// Names as stored, quoted: a table may be called `Order Lines`.
			for (String table : database.jdbc()
				.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
						+ "AND table_type = 'BASE TABLE' ORDER BY 1", String.class, database.container())) {
				String name = table.toLowerCase(java.util.Locale.ROOT);
				if (name.startsWith("databasechangelog") || name.endsWith("_started")) {
					// the history is compared apart
					continue;
				}
				data.put(name, database.jdbc().queryForList("SELECT * FROM `" + table + "` ORDER BY 1"));
			}
			return data;
		}
		// Names as stored, quoted: a table may be called "Order Lines".
		for (String table : database.jdbc()
			.queryForList(
					"SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
							+ "AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1",
					String.class, database.isPostgres() ? "public" : "PUBLIC")) {
			data.put(table.toLowerCase(java.util.Locale.ROOT),
					database.jdbc().queryForList("SELECT * FROM \"" + table + "\" ORDER BY 1"));
		}
		return data;
	}

	@Test
	void sampleLegacySchemaRoundTripsThroughAGeneratedBaseline() throws IOException {
		RevisionDirectory legacyRevisions = RevisionDirectory.in(this.temp.resolve("legacy"));
		try (Stream<Path> files = Files.list(SAMPLE_REVISIONS)) {
			for (Path file : files.toList()) {
				legacyRevisions.add(file.getFileName().toString(), Files.readString(file));
			}
		}
		buildLegacy(legacyRevisions);
		// The sample's 18 revisions leave 11 tables, with keys, unique and check
		// constraints, indexes and demo data.
		assertThat(this.db.tables()).hasSize(11);
		RoundTrip roundTrip = assertRoundTrip();
		// 018's down file drops the user's index on a foreign key column: it works on a
		// database built from the baseline.
		roundTrip.fresh().jdbc().execute("DROP INDEX ix_project_costs_project_id");
	}

	@Test
	void viewsSequencesAndChecksRoundTrip() throws IOException {
		RevisionDirectory legacyRevisions = RevisionDirectory.in(this.temp.resolve("legacy")).add("001_legacy.sql", """
				CREATE TABLE clients (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL,
				    code VARCHAR(10) DEFAULT 'X' NOT NULL, CONSTRAINT uq_clients_code UNIQUE (code),
				    CONSTRAINT ck_clients_code CHECK (code <> ''));
				CREATE TABLE invoices (id BIGINT PRIMARY KEY, client_id INTEGER NOT NULL, total NUMERIC(12, 2),
				    issued DATE, CONSTRAINT fk_invoices_client FOREIGN KEY (client_id) REFERENCES clients (id)
				    ON DELETE CASCADE);
				CREATE UNIQUE INDEX ix_invoices_client_issued ON invoices (client_id, issued);
				CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10;
				CREATE VIEW big_invoices AS SELECT id, total FROM invoices WHERE total > 1000;
				INSERT INTO clients (id, name, code) VALUES (1, 'Zoë Ünal', 'ZU'), (2, 'O''Brien; Pat', 'OB');
				INSERT INTO invoices (id, client_id, total, issued) VALUES (10, 1, 1200.50, DATE '2026-01-31');
				""");
		buildLegacy(legacyRevisions);
		assertRoundTrip();
	}

	@Test
	void everyKindOfObjectRoundTripsAndTheFreshDatabaseBehavesLikeTheLegacyOne() throws IOException {
		boolean postgres = this.db.isPostgres();
		RevisionDirectory legacyRevisions = RevisionDirectory.in(this.temp.resolve("legacy")).add("001_legacy.sql", """
				CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, code VARCHAR(20),
				    CONSTRAINT uq_projects_code UNIQUE (code), CONSTRAINT ck_projects_name CHECK (name <> ''));
				CREATE TABLE comments (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
				    project_id INTEGER NOT NULL, body VARCHAR(2000),
				    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
				    CONSTRAINT fk_comments_project_id FOREIGN KEY (project_id) REFERENCES projects (id)
				    ON DELETE CASCADE);
				CREATE INDEX ix_comments_project_id ON comments (project_id);
				CREATE TABLE invoices (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES projects (id),
				    number VARCHAR(20) NOT NULL, status VARCHAR(10) DEFAULT 'open' NOT NULL, due_date DATE,
				    total NUMERIC(12, 2), CHECK (status IN ('open', 'paid')));
				CREATE INDEX ix_invoices_project_id ON invoices (project_id);
				CREATE INDEX ix_invoices_due_desc ON invoices (due_date DESC NULLS FIRST, id);
				CREATE SEQUENCE invoice_number_seq START WITH 2000 INCREMENT BY 5 MAXVALUE 999999 CYCLE;
				CREATE VIEW open_invoices AS SELECT id, number, due_date FROM invoices WHERE status = 'open';
				COMMENT ON TABLE invoices IS 'Invoices sent to clients';
				INSERT INTO projects (id, name, code) VALUES (1, 'Relaunch', 'R1');
				INSERT INTO comments (project_id, body) VALUES (1, 'first');
				""" + (postgres ? """
				CREATE UNIQUE INDEX ux_invoices_open_number ON invoices (number) WHERE status <> 'paid';
				CREATE INDEX ix_invoices_open_due_date ON invoices (due_date) WHERE status <> 'paid';
				CREATE INDEX ix_projects_lower_name ON projects (lower(name));
				CREATE INDEX ix_invoices_project_total ON invoices (project_id) INCLUDE (total);
				CREATE INDEX ix_projects_name_pattern ON projects (name varchar_pattern_ops);
				CREATE INDEX ix_projects_name_c ON projects (name COLLATE "C" DESC NULLS LAST);
				CREATE INDEX ix_invoices_number_hash ON invoices USING hash (number);
				""" : """
				CREATE UNIQUE INDEX ux_invoices_number ON invoices (number);
				CREATE UNIQUE NULLS NOT DISTINCT INDEX ux_comments_project_body ON comments (project_id, body);
				"""));
		buildLegacy(legacyRevisions);
		// What the model does not carry: named, counted, never dropped in silence.
		if (postgres) {
			this.db.jdbc().execute("""
					CREATE FUNCTION touch_comment() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN NEW.body := coalesce(NEW.body, ''); RETURN NEW; END $$""");
			this.db.jdbc()
				.execute("CREATE TRIGGER tr_comments_touch BEFORE INSERT ON comments FOR EACH ROW "
						+ "EXECUTE FUNCTION touch_comment()");
		}
		else {
			this.db.jdbc().execute("CREATE ALIAS MAX_OF FOR 'java.lang.Math.max(int,int)'");
		}
		String notCarried = postgres ? "1 trigger, 1 function or procedure, 1 comment" : "1 function, 1 comment";
		RoundTrip roundTrip = assertRoundTrip();

		String file = Files.readString(roundTrip.file());
		assertThat(file).doesNotContain(";;")
			.containsIgnoringCase("START WITH 2000 INCREMENT BY 5")
			.containsIgnoringCase("INDEX ix_comments_project_id")
			.contains("Not in this file")
			.contains("This schema has " + notCarried + ": add them by hand");
		assertThat(roundTrip.report().notes())
			.anySatisfy((note) -> assertThat(note).startsWith("not compared: triggers,")
				.contains("(the live schema has " + notCarried + "; the revisions' schema has none of them)"));
		TestDatabase fresh = roundTrip.fresh();
		// The sequence hands out what the legacy one would have handed out first.
		String next = postgres ? "SELECT nextval('invoice_number_seq')" : "SELECT NEXT VALUE FOR invoice_number_seq";
		assertThat(fresh.jdbc().queryForObject(next, Long.class)).isEqualTo(2000L);
		assertThat(fresh.jdbc().queryForObject(next, Long.class)).isEqualTo(2005L);
		// A later revision may drop the user's index on the foreign key column; the key
		// stays.
		fresh.jdbc().execute("DROP INDEX ix_comments_project_id");
		fresh.jdbc().update("INSERT INTO projects (id, name) VALUES (1, 'One')");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> fresh.jdbc().update("INSERT INTO comments (project_id) VALUES (2)"));
		if (!postgres) {
			// NULLS NOT DISTINCT: a second comment without body on a project is a
			// duplicate.
			fresh.jdbc().update("INSERT INTO comments (project_id) VALUES (1)");
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> fresh.jdbc().update("INSERT INTO comments (project_id) VALUES (1)"));
		}
		if (postgres) {
			// Partial UNIQUE: paid invoices may share a number, open ones may not.
			fresh.jdbc()
				.update("INSERT INTO invoices (id, number, status) VALUES (1, 'A-1', 'paid'), (2, 'A-1', 'paid')");
			fresh.jdbc().update("INSERT INTO invoices (id, number, status) VALUES (3, 'A-1', 'open')");
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(
					() -> fresh.jdbc().update("INSERT INTO invoices (id, number, status) VALUES (4, 'A-1', 'open')"));
		}
	}

	@Test
	void quotedNamesGeneratedColumnsAndNegativeSequencesRoundTrip() throws IOException {
		boolean postgres = this.db.isPostgres();
		RevisionDirectory legacyRevisions = RevisionDirectory.in(this.temp.resolve("legacy")).add("001_legacy.sql", """
				CREATE TABLE "Order Lines" (id INTEGER PRIMARY KEY, "value" INTEGER NOT NULL, "Mixed" VARCHAR(10),
				    qty INTEGER NOT NULL, price NUMERIC(10, 2) NOT NULL,
				    total NUMERIC(12, 2) GENERATED ALWAYS AS (qty * price)%s);
				CREATE INDEX "ix Order Lines value" ON "Order Lines" ("value");
				CREATE SEQUENCE countdown AS SMALLINT START WITH 10 INCREMENT BY -1 MINVALUE -100 MAXVALUE 10;
				INSERT INTO "Order Lines" (id, "value", qty, price) VALUES (1, 7, 3, 2.50);
				""".formatted(postgres ? " STORED" : "") + (postgres ? """
				CREATE TABLE tickets (id SERIAL PRIMARY KEY, code VARCHAR(10),
				    CONSTRAINT ex_tickets_code EXCLUDE USING btree (code WITH =),
				    CONSTRAINT uq_tickets_id_code UNIQUE (id, code) DEFERRABLE INITIALLY DEFERRED);
				""" : ""));
		buildLegacy(legacyRevisions);
		TestDatabase fresh = assertRoundTrip().fresh();
		fresh.jdbc().update("INSERT INTO \"Order Lines\" (id, \"value\", qty, price) VALUES (1, 7, 4, 2.50)");
		assertThat(fresh.jdbc().queryForObject("SELECT total FROM \"Order Lines\"", java.math.BigDecimal.class))
			.isEqualByComparingTo("10.00");
		String next = postgres ? "SELECT nextval('countdown')" : "SELECT NEXT VALUE FOR countdown";
		assertThat(fresh.jdbc().queryForObject(next, Long.class)).isEqualTo(10L);
		assertThat(fresh.jdbc().queryForObject(next, Long.class)).isEqualTo(9L);
		if (postgres) {
			fresh.jdbc().update("INSERT INTO tickets (code) VALUES ('A')");
			assertThat(fresh.jdbc().queryForObject("SELECT id FROM tickets", Integer.class)).isEqualTo(1);
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> fresh.jdbc().update("INSERT INTO tickets (code) VALUES ('A')"));
		}
	}

	RoundTrip assertRoundTrip() throws IOException {
		Map<String, List<Map<String, Object>>> before = data(this.db);
		RevisionDirectory baselineRevisions = RevisionDirectory.in(this.temp.resolve("baseline"));
		Path file = migrator(baselineRevisions, MigrationSettings.defaults()).generateBaseline(baselineRevisions.path(),
				"001");
		assertThat(file.getFileName()).hasToString("001_baseline.sql");
		assertThat(data(this.db)).isEqualTo(before);

		// A fresh database built from the generated file alone has the legacy schema.
		TestDatabase legacy = this.db;
		this.db = newDatabase();
		TestDatabase fresh = this.db;
		RunReport built = migrator(baselineRevisions, MigrationSettings.defaults()).migrate();
		assertThat(built.applied()).containsExactly("001");
		assertThat(this.db.tables()).containsAll(legacy.tables());

		// The legacy database adopts the baseline; the drift check then finds nothing,
		// and the data is untouched.
		this.db = legacy;
		RunReport adopted = migrator(baselineRevisions, MigrationSettings.defaults().withBaseline("001", "Legacy"))
			.migrate();
		assertThat(adopted.recorded()).containsExactly("001");
		DriftReport report = migrator(baselineRevisions, MigrationSettings.defaults()).drift(List.of());
		assertThat(report.differences()).as(report.summary()).isEmpty();
		Map<String, List<Map<String, Object>>> after = data(this.db);
		after.remove("databasechangelog");
		after.remove("databasechangeloglock");
		assertThat(after).isEqualTo(before);
		return new RoundTrip(file, fresh, report);
	}

	@Test
	void refusesToOverwriteAnExistingRevision() {
		this.revisions.add("1_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		migrator().migrate();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator().generateBaseline(this.revisions.path(), "001"))
			.withMessageContaining("Revision 001 exists already")
			.withMessageContaining("1_create_users.sql");
	}

	record RoundTrip(Path file, TestDatabase fresh, DriftReport report) {
	}

}
