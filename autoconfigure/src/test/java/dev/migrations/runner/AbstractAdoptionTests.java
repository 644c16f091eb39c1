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
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Adopting databases that Flyway or Alembic managed: a database migrated by Flyway for
 * real, and one stamped the way Alembic leaves it, adopted and then upgraded by the
 * starter with their rows unchanged; and everything that must fail before anything is
 * written. Run on H2 and PostgreSQL.
 */
abstract class AbstractAdoptionTests extends AbstractDatabaseTests {

	static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);";

	static final String PROJECTS = """
			CREATE TABLE projects (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id), name VARCHAR(100));
			""";

	static final String BUDGET = "ALTER TABLE projects ADD COLUMN budget NUMERIC(12, 2);";

	static final String TIME_ENTRIES = """
			CREATE TABLE time_entries (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES projects (id),
			    minutes INTEGER NOT NULL);
			""";

	/** Flyway migrates the database for real from V-files in a directory of their own. */
	void flywayMigrate(Map<String, String> files) throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("flyway"));
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(directory.resolve(file.getKey()), file.getValue());
		}
		Flyway.configure()
			.dataSource(this.db.url(), this.db.user(), this.db.password())
			.locations("filesystem:" + directory)
			.load()
			.migrate();
	}

	void insertData() {
		this.db.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Zoë Ünal'), (2, 'O''Brien; Pat')");
		this.db.jdbc().update("INSERT INTO projects (id, owner_id, name, budget) VALUES (10, 1, 'Website €', 1200.50)");
	}

	List<Map<String, Object>> data() {
		List<Map<String, Object>> rows = new java.util.ArrayList<>(
				this.db.jdbc().queryForList("SELECT id, name FROM users ORDER BY id"));
		rows.addAll(this.db.jdbc().queryForList("SELECT id, owner_id, name, budget FROM projects ORDER BY id"));
		return rows;
	}

	List<Map<String, Object>> flywayRows() {
		return this.db.jdbc()
			.queryForList(quoted("SELECT * FROM \"flyway_schema_history\" ORDER BY \"installed_rank\""));
	}

	// MariaDB quotes names with backticks.
	String quoted(String sql) {
		return this.db.isMariaDb() ? sql.replace('"', '`') : sql;
	}

	List<String> states() {
		return migrator().status().history().stream().map((r) -> r.revision() + ":" + r.state()).toList();
	}

	void addNumberedRevisions() {
		this.revisions.add("001_create_users.sql", USERS)
			.add("002_create_projects.sql", PROJECTS)
			.add("003_add_project_budget.sql", BUDGET)
			.add("004_create_time_entries.sql", TIME_ENTRIES);
	}

	@Test
	void flywayMigratedDatabaseIsAdoptedThenUpgraded() throws IOException {
		flywayMigrate(Map.of("V1__create_users.sql", USERS, "V2__create_projects.sql", PROJECTS,
				"V3__add_project_budget.sql", BUDGET));
		insertData();
		List<Map<String, Object>> data = data();
		List<Map<String, Object>> flyway = flywayRows();
		addNumberedRevisions();

		RunReport adopted = migrator().adopt(AdoptionSource.FLYWAY);
		assertThat(adopted.recorded()).containsExactly("001", "002", "003");
		assertThat(states()).containsExactly("001:ADOPTED", "002:ADOPTED", "003:ADOPTED");
		assertThat(this.db.history()).extracting((row) -> row.get("EXECTYPE")).containsOnly("MARK_RAN");
		assertThat(this.db.history()).extracting((row) -> (String) row.get("COMMENTS"))
			.containsExactly("adopted by migrations from Flyway: V1__create_users.sql",
					"adopted by migrations from Flyway: V2__create_projects.sql",
					"adopted by migrations from Flyway: V3__add_project_budget.sql");
		// Each revision keeps the date Flyway installed it.
		List<Timestamp> installed = flyway.stream()
			.filter((row) -> row.get("version") != null)
			.map((row) -> (Timestamp) row.get("installed_on"))
			.toList();
		assertThat(this.db.jdbc()
			.queryForList("SELECT DATEEXECUTED FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED", Timestamp.class))
			.isEqualTo(installed);

		RunReport upgraded = migrator().migrate();
		assertThat(upgraded.applied()).containsExactly("004");
		assertThat(states()).containsExactly("001:ADOPTED", "002:ADOPTED", "003:ADOPTED", "004:APPLIED");
		assertThat(data()).isEqualTo(data);
		assertThat(flywayRows()).isEqualTo(flyway);

		// A second adoption (the property left in place) is a no-op.
		assertThat(migrator().adopt(AdoptionSource.FLYWAY).recorded()).isEmpty();
		assertThat(this.db.history()).hasSize(4);
	}

	@Test
	void upgradeWithAdoptConfiguredAdoptsAFlywayDatabaseFirst() throws IOException {
		flywayMigrate(Map.of("V1__create_users.sql", USERS, "V2__create_projects.sql", PROJECTS,
				"V3__add_project_budget.sql", BUDGET));
		insertData();
		List<Map<String, Object>> data = data();
		addNumberedRevisions();
		Migrator migrator = migrator();
		migrator.setSchemaChecks(new SchemaChecks(AdoptionSource.FLYWAY, DriftCheckMode.OFF, List.of()));
		// What the upgrade command of a deploy step does: no startup run has adopted the
		// database yet.
		RunReport upgraded = migrator.upgrade(Target.HEAD);
		assertThat(upgraded.applied()).containsExactly("004");
		assertThat(states()).containsExactly("001:ADOPTED", "002:ADOPTED", "003:ADOPTED", "004:APPLIED");
		assertThat(data()).isEqualTo(data);
		assertThat(migrator.upgrade(Target.HEAD).outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

	@Test
	void flywayVersionsWithoutLeadingZerosMatchNumberedRevisionsAndABaselineRowAdoptsWhatItStandsFor() {
		this.db.jdbc().execute(USERS);
		this.db.jdbc().execute(PROJECTS);
		Flyway.configure()
			.dataSource(this.db.url(), this.db.user(), this.db.password())
			.baselineVersion("2")
			.load()
			.baseline();
		addNumberedRevisions();
		assertThat(migrator().adopt(AdoptionSource.FLYWAY).recorded()).containsExactly("001", "002");
		assertThat(migrator().migrate().applied()).containsExactly("003", "004");
	}

	@Test
	void failedFlywayMigrationFailsBeforeAnythingIsWritten() throws IOException {
		flywayMigrate(Map.of("V1__create_users.sql", USERS, "V2__create_projects.sql", PROJECTS));
		this.db.jdbc()
			.update(quoted("UPDATE \"flyway_schema_history\" SET \"success\" = ? WHERE \"version\" = '2'"), false);
		addNumberedRevisions();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().adopt(AdoptionSource.FLYWAY))
			.withMessageContaining("records failed migration(s): version 2 (V2__create_projects.sql)")
			.withMessageContaining("Nothing was written");
		assertThat(this.db.tables()).doesNotContain("databasechangelog", "databasechangeloglock");
	}

	@Test
	void flywayVersionWithoutRevisionFailsBeforeAnythingIsWritten() throws IOException {
		flywayMigrate(Map.of("V1__create_users.sql", USERS, "V2__create_projects.sql", PROJECTS, "V2.5__hotfix.sql",
				"CREATE TABLE hotfix (id INTEGER)"));
		addNumberedRevisions();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().adopt(AdoptionSource.FLYWAY))
			.withMessageContaining("no revision matches version 2.5 (V2.5__hotfix.sql)");
		assertThat(this.db.tables()).doesNotContain("databasechangelog");
	}

	@Test
	void revisionsMissingInBetweenFailBeforeAnythingIsWritten() throws IOException {
		flywayMigrate(Map.of("V1__create_users.sql", USERS, "V3__create_projects.sql", PROJECTS));
		this.revisions.add("001_create_users.sql", USERS)
			.add("002_add_user_email.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(200);")
			.add("003_create_projects.sql", PROJECTS);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().adopt(AdoptionSource.FLYWAY))
			.withMessageContaining("revision(s) 002 (")
			.withMessageContaining("never ran them");
		assertThat(this.db.tables()).doesNotContain("databasechangelog");
	}

	void alembicStamp(String... heads) {
		this.db.jdbc()
			.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
					+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		for (String head : heads) {
			this.db.jdbc().update("INSERT INTO alembic_version (version_num) VALUES (?)", head);
		}
	}

	void addAlembicRevisions() {
		this.revisions.add("1975ea83b712_create_users.sql", "-- down_revision: None\n" + USERS)
			.add("ae1027a6acf_create_projects.sql", "-- down_revision: 1975ea83b712\n" + PROJECTS)
			.add("27c6a30d7c24_add_project_budget.sql", "-- down_revision: ae1027a6acf\n" + BUDGET)
			.add("4f2b8e9d1c3a_create_time_entries.sql", "-- down_revision: 27c6a30d7c24\n" + TIME_ENTRIES);
	}

	@Test
	void alembicStampedDatabaseIsAdoptedThenUpgraded() {
		this.db.jdbc().execute(USERS);
		this.db.jdbc().execute(PROJECTS);
		this.db.jdbc().execute(BUDGET);
		insertData();
		alembicStamp("27c6a30d7c24");
		List<Map<String, Object>> data = data();
		addAlembicRevisions();

		RunReport adopted = migrator().adopt(AdoptionSource.ALEMBIC);
		assertThat(adopted.recorded()).containsExactly("1975ea83b712", "ae1027a6acf", "27c6a30d7c24");
		assertThat(states()).containsExactly("1975ea83b712:ADOPTED", "ae1027a6acf:ADOPTED", "27c6a30d7c24:ADOPTED");
		assertThat(migrator().migrate().applied()).containsExactly("4f2b8e9d1c3a");
		assertThat(data()).isEqualTo(data);
		assertThat(this.db.jdbc().queryForList("SELECT version_num FROM alembic_version", String.class))
			.containsExactly("27c6a30d7c24");
	}

	@Test
	void alembicHeadWithoutRevisionFailsBeforeAnythingIsWritten() {
		this.db.jdbc().execute(USERS);
		alembicStamp("deadbeef0001");
		addAlembicRevisions();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().adopt(AdoptionSource.ALEMBIC))
			.withMessageContaining("no revision matches the recorded head(s) deadbeef0001");
		assertThat(this.db.tables()).doesNotContain("databasechangelog");
	}

	@Test
	void adoptingASchemaWithoutTheOtherToolsTableFails() {
		this.db.jdbc().execute(USERS);
		addNumberedRevisions();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().adopt(AdoptionSource.FLYWAY))
			.withMessageContaining("it has tables but no flyway_schema_history table");
		assertThat(this.db.tables()).doesNotContain("databasechangelog");
	}

	@Test
	void adoptedRevisionsAreNotDowngraded() throws IOException {
		flywayMigrate(Map.of("V1__create_users.sql", USERS, "V2__create_projects.sql", PROJECTS));
		addNumberedRevisions();
		this.revisions.add("002_create_projects.down.sql", "DROP TABLE projects;");
		migrator().adopt(AdoptionSource.FLYWAY);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("001")))
			.withMessageContaining(
					"002 (002_create_projects.sql): adopted from another tool's history, never executed by migrations");
		assertThat(this.db.tables()).contains("projects");
	}

}
