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
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.revision.RevisionIndex;
import dev.migrations.internal.runner.RevisionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A start at the head decided through the revision index written at build time, reading
 * no revision file — and every change to the files after the build (edit, addition,
 * removal, rename) still seen, because the index no longer holds and the files are read.
 * Run on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractRevisionIndexStartTests extends AbstractDatabaseTests {

	private static final String LOCATION = "classpath:db/migrations/";

	private static final String BY_INDEX = "checked against the revision index";

	private URLClassLoader classpath;

	@BeforeEach
	void revisionsOnTheClassPath() throws IOException {
		this.classpath = new URLClassLoader(new URL[] { this.temp.toUri().toURL() }, null);
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.add("002_create_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);")
			.add("002_create_orders.down.sql", "DROP TABLE orders;")
			.add("003_add_order_note.sql", "ALTER TABLE orders ADD COLUMN note VARCHAR(20);");
	}

	@AfterEach
	void closeClassPath() throws IOException {
		this.classpath.close();
	}

	@Test
	void startAtTheHeadIsDecidedByTheIndex(CapturedOutput output) {
		assertThat(classpathMigrator().migrate().outcome()).isEqualTo(RunReport.Outcome.SUCCESS);
		build();
		List<Map<String, Object>> history = this.db.history();
		RunReport report = classpathMigrator().migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
		assertThat(report.to()).isEqualTo("003");
		assertThat(output).contains("is up to date at revision 003: nothing to apply (3 revisions " + BY_INDEX);
		assertThat(this.db.history()).isEqualTo(history);
	}

	@Test
	void validateModeAtTheHeadIsDecidedByTheIndex(CapturedOutput output) {
		classpathMigrator().migrate();
		build();
		RunReport report = classpathMigrator(MigrationSettings.defaults().withMode(MigrationMode.VALIDATE)).migrate();
		assertThat(report.outcome()).isEqualTo(RunReport.Outcome.VALIDATED);
		assertThat(output).contains(BY_INDEX);
	}

	@Test
	void fileEditedAfterTheBuildIsStillRefused(CapturedOutput output) {
		classpathMigrator().migrate();
		build();
		// Same size: only the content tells.
		this.revisions.add("002_create_orders.sql", "CREATE TABLE ordrs (id INTEGER PRIMARY KEYS);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> classpathMigrator().migrate())
			.withMessageContaining("Revision 002 was edited after it was applied");
		assertThat(output).contains("revision index")
			.contains("002_create_orders.sql changed")
			.doesNotContain(BY_INDEX);
	}

	@Test
	void revisionAddedAfterTheBuildIsApplied(CapturedOutput output) {
		classpathMigrator().migrate();
		build();
		this.revisions.add("004_create_lines.sql", "CREATE TABLE lines (id INTEGER PRIMARY KEY);");
		RunReport report = classpathMigrator().migrate();
		assertThat(report.applied()).containsExactly("004");
		assertThat(this.db.tables()).contains("lines");
		assertThat(output).doesNotContain(BY_INDEX);
	}

	@Test
	void revisionRemovedAfterTheBuildIsSeen(CapturedOutput output) {
		classpathMigrator().migrate();
		build();
		this.revisions.remove("003_add_order_note.sql");
		classpathMigrator().migrate();
		assertThat(output).contains("AHEAD of the application").doesNotContain(BY_INDEX);
		assertThat(classpathMigrator().status().state()).isEqualTo(DatabaseState.AHEAD);
	}

	@Test
	void revisionRenamedAfterTheBuildIsSeen(CapturedOutput output) throws IOException {
		classpathMigrator().migrate();
		build();
		Files.move(this.temp.resolve("db/migrations/003_add_order_note.sql"),
				this.temp.resolve("db/migrations/004_add_order_note.sql"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> classpathMigrator().migrate())
			.withMessageContaining("records revision(s) 003 that this application does not have")
			.withMessageContaining("pending revision(s) 004: the histories have diverged. Nothing was written.");
		assertThat(output).doesNotContain(BY_INDEX);
		assertThat(historyIds()).containsExactly("001", "002", "003");
	}

	@Test
	void databaseBehindTheIndexIsUpgradedOnTheSameConnection(CapturedOutput output) {
		build();
		classpathMigrator(MigrationSettings.defaults().withTarget("001")).migrate();
		RunReport report = classpathMigrator().migrate();
		assertThat(report.applied()).containsExactly("002", "003");
		assertThat(historyIds()).containsExactly("001", "002", "003");
		assertThat(output).doesNotContain(BY_INDEX);
	}

	@Test
	void historyRowOfAnotherChangeSetIsNotAtTheHead(CapturedOutput output) {
		classpathMigrator().migrate();
		build();
		this.db.jdbc()
			.update("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
					+ "MD5SUM) VALUES ('x', 'someone', 'elsewhere.xml', CURRENT_TIMESTAMP, 99, 'EXECUTED', '9:00')");
		classpathMigrator().migrate();
		assertThat(output).doesNotContain(BY_INDEX);
		assertThat(classpathMigrator().status().unknown()).isNotEmpty();
	}

	@Test
	void targetBelowTheHeadIsNotDecidedByTheIndex(CapturedOutput output) {
		classpathMigrator().migrate();
		build();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> classpathMigrator(MigrationSettings.defaults().withTarget("002")).migrate())
			.withMessageContaining("002");
		assertThat(output).doesNotContain(BY_INDEX);
	}

	/**
	 * What the application's build does: the Maven plugin's index goal, or Spring AOT.
	 */
	private void build() {
		try {
			assertThat(RevisionIndex.writeInto(this.temp, LOCATION)).isRegularFile();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Migrator classpathMigrator() {
		return classpathMigrator(MigrationSettings.defaults());
	}

	private Migrator classpathMigrator(MigrationSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader(this.classpath);
		return new Migrator(this.db.dataSource(), RevisionSource.directory(LOCATION, loader), settings, loader);
	}

}
