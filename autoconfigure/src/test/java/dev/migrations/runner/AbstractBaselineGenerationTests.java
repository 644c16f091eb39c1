package dev.migrations.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.MigrationException;
import dev.migrations.schema.DriftReport;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A baseline generated from a legacy database, proved by round trip: legacy database with
 * data → generated baseline → a fresh database built from it → the drift check against
 * the legacy database finds nothing, and the data is untouched. Run on H2 and PostgreSQL.
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
		for (String table : database.tables()) {
			if (database.isMariaDb() && table.startsWith("databasechangelog")) {
				// upper case there, and case-sensitive: the history is compared apart
				continue;
			}
			data.put(table, database.jdbc().queryForList("SELECT * FROM " + table + " ORDER BY 1"));
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
		assertRoundTrip();
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

	private void assertRoundTrip() throws IOException {
		Map<String, List<Map<String, Object>>> before = data(this.db);
		RevisionDirectory baselineRevisions = RevisionDirectory.in(this.temp.resolve("baseline"));
		Path file = migrator(baselineRevisions, MigrationSettings.defaults()).generateBaseline(baselineRevisions.path(),
				"001");
		assertThat(file.getFileName()).hasToString("001_baseline.sql");
		assertThat(data(this.db)).isEqualTo(before);

		// A fresh database built from the generated file alone has the legacy schema.
		TestDatabase legacy = this.db;
		this.db = newDatabase();
		RunReport fresh = migrator(baselineRevisions, MigrationSettings.defaults()).migrate();
		assertThat(fresh.applied()).containsExactly("001");
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

}
