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

package dev.migrations.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisions every tool gets: the same statements, each in the tool's own format and
 * default location.
 */
class RevisionsTests {

	@TempDir
	Path directory;

	@Test
	void writesTheSameStatementsInEachToolsFormat() throws IOException {
		Revisions revisions = new Revisions(4);

		revisions.write(Variant.MIGRATIONS, this.directory.resolve("m"));
		revisions.write(Variant.LIQUIBASE, this.directory.resolve("l"));
		revisions.write(Variant.FLYWAY, this.directory.resolve("f"));

		assertThat(names(this.directory.resolve("m/db/migrations"))).containsExactly("0001_create_table_bench_t1.sql",
				"0002_add_note_to_bench_t1.sql", "0003_index_bench_t1_name.sql", "0004_create_table_bench_t2.sql");
		assertThat(names(this.directory.resolve("f/db/migration"))).containsExactlyInAnyOrder(
				"V1__create_table_bench_t1.sql", "V2__add_note_to_bench_t1.sql", "V3__index_bench_t1_name.sql",
				"V4__create_table_bench_t2.sql");
		String statement = "ALTER TABLE bench_t1 ADD COLUMN note VARCHAR(200);\n";
		assertThat(this.directory.resolve("m/db/migrations/0002_add_note_to_bench_t1.sql")).hasContent(statement);
		assertThat(this.directory.resolve("f/db/migration/V2__add_note_to_bench_t1.sql")).hasContent(statement);
		assertThat(this.directory.resolve("l/db/changelog/revisions/0002_add_note_to_bench_t1.sql"))
			.hasContent("--liquibase formatted sql\n\n--changeset benchmark:2\n" + statement);
		assertThat(Files.readString(this.directory.resolve("l/db/changelog/db.changelog-master.yaml"))).startsWith(
				"databaseChangeLog:\n  - include:\n      file: db/changelog/revisions/0001_create_table_bench_t1.sql\n")
			.contains("0004_create_table_bench_t2.sql");
	}

	@Test
	void cyclesThroughCreateTableAddColumnAndCreateIndex() throws IOException {
		Path files = new Revisions(6).write(Variant.PLAIN_JDBC, this.directory);

		assertThat(files.resolve("0004_create_table_bench_t2.sql"))
			.hasContent("CREATE TABLE bench_t2 (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
					+ "created_at TIMESTAMP NOT NULL);\n");
		assertThat(files.resolve("0006_index_bench_t2_name.sql"))
			.hasContent("CREATE INDEX bench_t2_name_idx ON bench_t2 (name);\n");
	}

	@Test
	void widensTheRevisionNumbersBeyond9999() throws IOException {
		Path files = new Revisions(10_000).write(Variant.PLAIN_JDBC, this.directory);

		assertThat(files.resolve("00001_create_table_bench_t1.sql")).exists();
		assertThat(files.resolve("10000_create_table_bench_t3334.sql")).exists();
	}

	private static List<String> names(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
