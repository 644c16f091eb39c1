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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migrations.JavaRevision;
import dev.migrations.JavaRevisionContext;
import dev.migrations.MigrationException;
import dev.migrations.internal.revision.RevisionContent;
import dev.migrations.internal.runner.RevisionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Java revisions among revision files: ordering, history, reversal, failures, preview.
 * Run on H2 and PostgreSQL.
 */
abstract class AbstractJavaRevisionTests extends AbstractDatabaseTests {

	final List<JavaRevision> code = new ArrayList<>();

	@BeforeEach
	void addFiles() {
		this.revisions.add("001_create_people.sql", """
				CREATE TABLE people (id INTEGER PRIMARY KEY, full_name VARCHAR(100));
				CREATE TABLE contacts (id INTEGER PRIMARY KEY, name VARCHAR(100));
				INSERT INTO people (id, full_name) VALUES (1, 'Ada Lovelace'), (2, 'Charles Babbage');
				""")
			.add("003_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);")
			.add("003_create_invoices.down.sql", "DROP TABLE invoices;");
	}

	@Override
	Migrator migrator(MigrationSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(),
				RevisionSource.withJavaRevisions(RevisionSource.directory(this.revisions.location(), loader),
						() -> List.copyOf(this.code)),
				settings, loader);
	}

	List<String> contacts() {
		return this.db.jdbc().queryForList("SELECT name FROM contacts ORDER BY id", String.class);
	}

	List<String> people() {
		return this.db.jdbc().queryForList("SELECT full_name FROM people ORDER BY id", String.class);
	}

	@Test
	void movesRowsBetweenFilesAndRevertsThemByItsDowngrade() {
		this.code.add(new MovePeopleToContacts());
		RunReport report = migrator().migrate();
		assertThat(report.applied()).containsExactly("001", "002", "003");
		assertThat(contacts()).containsExactly("ADA LOVELACE", "CHARLES BABBAGE");
		assertThat(people()).isEmpty();
		Map<String, Object> row = this.db.history().get(1);
		assertThat(row).containsEntry("ID", "002")
			.containsEntry("FILENAME", "migrations/002")
			.containsEntry("EXECTYPE", "EXECUTED")
			.containsEntry("TAG", "002")
			.containsEntry("MD5SUM", "9:" + RevisionContent.Sql.md5("java revision 002 version 1"));
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.history().get(1).file()).isEqualTo("java:" + MovePeopleToContacts.class.getName());
		assertThat(status.history().get(1).description()).isEqualTo("move people to contacts");
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		RunReport down = migrator().downgrade(Target.of("001"));
		assertThat(down.reverted()).containsExactly("003", "002");
		assertThat(people()).containsExactly("Ada Lovelace", "Charles Babbage");
		assertThat(contacts()).isEmpty();
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void failingJavaRevisionLeavesItsRowsAndHistoryUnwritten() {
		this.code.add(new MovePeopleToContacts() {
			@Override
			public void upgrade(JavaRevisionContext context) throws Exception {
				super.upgrade(context);
				throw new IllegalStateException("no address for Ada");
			}
		});
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 move people to contacts")
			.withMessageContaining("no address for Ada");
		assertThat(people()).containsExactly("Ada Lovelace", "Charles Babbage");
		assertThat(contacts()).isEmpty();
		assertThat(historyIds()).containsExactly("001");
	}

	@Test
	void javaRevisionWithoutDowngradeIsRefusedBeforeAnythingIsReversed() {
		this.code.add(new JavaRevision() {
			@Override
			public String id() {
				return "002";
			}

			@Override
			public void upgrade(JavaRevisionContext context) {
				context.jdbcClient().sql("UPDATE people SET full_name = upper(full_name)").update();
			}
		});
		migrator().migrate();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.of("001")))
			.withMessageContaining("does not implement downgrade()")
			.withMessageContaining("Nothing was written");
		assertThat(historyIds()).containsExactly("001", "002", "003");
		assertThat(this.db.tables()).contains("invoices");
	}

	@Test
	void bumpedVersionIsAnEditThatRepairAccepts() {
		this.code.add(new MovePeopleToContacts());
		migrator().migrate();
		this.code.set(0, new MovePeopleToContacts() {
			@Override
			public int version() {
				return 2;
			}
		});
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Revision 002 was edited after it was applied");
		migrator().repair(Target.of("002"));
		assertThat(migrator().migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
	}

	@Test
	void idOfAFileTakenByAJavaRevisionFailsBeforeTouchingTheDatabase() {
		this.code.add(new MovePeopleToContacts() {
			@Override
			public String id() {
				return "3";
			}
		});
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("is defined twice")
			.withMessageContaining("003_create_invoices.sql")
			.withMessageContaining("java:");
		assertThat(this.db.tables()).isEmpty();
	}

	@Test
	void javaRevisionBranchingOffIsAConflict() {
		this.code.add(new MovePeopleToContacts() {
			@Override
			public String id() {
				return "004";
			}

			@Override
			public List<String> downRevisions() {
				return List.of("001");
			}
		});
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("2 heads")
			.withMessageContaining("java:")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("down_revision: 003, 004"));
		assertThat(this.db.tables()).isEmpty();
	}

	@Test
	void targetAndStampTreatJavaRevisionsLikeFiles() {
		this.code.add(new MovePeopleToContacts());
		assertThat(migrator(MigrationSettings.defaults().withTarget("001")).migrate().applied()).containsExactly("001");
		RunReport stamped = migrator().stamp(Target.of("002"));
		assertThat(stamped.recorded()).containsExactly("002");
		// Stamped: recorded without running.
		assertThat(people()).hasSize(2);
		assertThat(this.db.history().get(1)).containsEntry("EXECTYPE", "MARK_RAN");
		assertThat(migrator().migrate().applied()).containsExactly("003");
	}

	@Test
	void baselineRecordsAJavaRevisionWithoutRunningIt() {
		this.code.add(new MovePeopleToContacts());
		// The schema of 001 and 002, built by hand.
		this.db.jdbc().execute("CREATE TABLE people (id INTEGER PRIMARY KEY, full_name VARCHAR(100))");
		this.db.jdbc().execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name VARCHAR(100))");
		this.db.jdbc().update("INSERT INTO people (id, full_name) VALUES (7, 'Grace Hopper')");
		RunReport report = migrator(MigrationSettings.defaults().withBaseline("002", "legacy")).migrate();
		assertThat(report.recorded()).containsExactly("001", "002");
		assertThat(report.applied()).containsExactly("003");
		assertThat(people()).containsExactly("Grace Hopper");
		assertThat(migrator().status().history()).extracting(RevisionStatus::state)
			.containsExactly(RevisionState.BASELINE, RevisionState.BASELINE, RevisionState.APPLIED);
	}

	@Test
	void driftCheckBuildsTheExpectedSchemaWithTheJavaRevisions() {
		this.code.add(new MovePeopleToContacts() {
			@Override
			public void upgrade(JavaRevisionContext context) throws Exception {
				context.jdbcClient().sql("ALTER TABLE contacts ADD COLUMN email VARCHAR(200)").update();
				super.upgrade(context);
			}
		});
		migrator().migrate();
		assertThat(migrator().drift(List.of()).differences()).isEmpty();
	}

	@Test
	void previewSaysPlainlyThatJavaCodeCannotBePreviewed() {
		this.code.add(new MovePeopleToContacts());
		List<String> sql = migrator().previewUpgrade(Target.of("head")).statements();
		assertThat(sql).anyMatch((statement) -> statement.startsWith("-- Java revision 002 runs "
				+ MovePeopleToContacts.class.getName() + ".upgrade(): Java code cannot be previewed"));
		RevisionDetail detail = migrator().show("002").orElseThrow();
		assertThat(detail.sql()).singleElement().asString().contains("Java code cannot be previewed");
		assertThat(detail.downgradable()).isTrue();
		assertThat(this.db.tables()).isEmpty();
	}

	/**
	 * Moves people into contacts, upper-casing their names; its downgrade moves them
	 * back.
	 */
	static class MovePeopleToContacts implements JavaRevision {

		@Override
		public String id() {
			return "002";
		}

		@Override
		public String description() {
			return "move people to contacts";
		}

		@Override
		public @Nullable List<String> downRevisions() {
			return null;
		}

		@Override
		public void upgrade(JavaRevisionContext context) throws Exception {
			JdbcClient jdbc = context.jdbcClient();
			for (Map<String, Object> person : jdbc.sql("SELECT id, full_name FROM people ORDER BY id")
				.query()
				.listOfRows()) {
				jdbc.sql("INSERT INTO contacts (id, name) VALUES (?, ?)")
					.params(person.get("id"), ((String) person.get("full_name")).toUpperCase(java.util.Locale.ROOT))
					.update();
			}
			jdbc.sql("DELETE FROM people").update();
		}

		@Override
		public void downgrade(JavaRevisionContext context) throws Exception {
			JdbcClient jdbc = context.jdbcClient();
			for (Map<String, Object> contact : jdbc.sql("SELECT id, name FROM contacts ORDER BY id")
				.query()
				.listOfRows()) {
				String name = (String) contact.get("name");
				String[] words = name.toLowerCase(java.util.Locale.ROOT).split(" ");
				StringBuilder proper = new StringBuilder();
				for (String word : words) {
					proper.append(proper.isEmpty() ? "" : " ")
						.append(Character.toUpperCase(word.charAt(0)))
						.append(word.substring(1));
				}
				jdbc.sql("INSERT INTO people (id, full_name) VALUES (?, ?)")
					.params(contact.get("id"), proper.toString())
					.update();
			}
			jdbc.sql("DELETE FROM contacts").update();
		}

	}

}
