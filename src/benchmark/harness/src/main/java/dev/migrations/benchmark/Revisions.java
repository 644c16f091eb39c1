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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N revisions of realistic DDL, one statement each, cycling through create table, add
 * column and create index, and written in each tool's own format with identical
 * statements.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Revisions {

	/**
	 * The query the application runs once it is ready: the first table exists at every N.
	 */
	static final String QUERY = "SELECT COUNT(*) FROM bench_t1";

	private final List<Revision> revisions;

	private final int width;

	Revisions(int count) {
		this.width = Math.max(4, String.valueOf(count).length());
		this.revisions = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			int table = (i - 1) / 3 + 1;
			this.revisions.add(switch ((i - 1) % 3) {
				case 0 -> new Revision(i, "create_table_bench_t" + table, "CREATE TABLE bench_t" + table
						+ " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL)");
				case 1 -> new Revision(i, "add_note_to_bench_t" + table,
						"ALTER TABLE bench_t" + table + " ADD COLUMN note VARCHAR(200)");
				default -> new Revision(i, "index_bench_t" + table + "_name",
						"CREATE INDEX bench_t" + table + "_name_idx ON bench_t" + table + " (name)");
			});
		}
	}

	int size() {
		return this.revisions.size();
	}

	/**
	 * Write the revisions for a variant into a directory that goes on its process's class
	 * path, where each tool looks by default.
	 * @param variant the variant
	 * @param resources the class path directory
	 * @return the directory of plain files, for {@link Variant#PLAIN_JDBC}
	 */
	Path write(Variant variant, Path resources) {
		try {
			Files.createDirectories(resources);
			return switch (variant) {
				case MIGRATIONS -> writeMigrations(resources.resolve("db/migrations"));
				case LIQUIBASE -> writeLiquibase(resources.resolve("db/changelog"));
				case FLYWAY -> writeFlyway(resources.resolve("db/migration"));
				case PLAIN_JDBC -> writeMigrations(resources.resolve("revisions"));
				case NONE, NONE_ACTUATOR -> resources;
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path writeMigrations(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (Revision revision : this.revisions) {
			Files.writeString(directory.resolve(number(revision) + "_" + revision.slug() + ".sql"),
					revision.sql() + ";\n");
		}
		return directory;
	}

	private Path writeLiquibase(Path directory) throws IOException {
		Path files = Files.createDirectories(directory.resolve("revisions"));
		StringBuilder master = new StringBuilder("databaseChangeLog:\n");
		for (Revision revision : this.revisions) {
			String name = number(revision) + "_" + revision.slug() + ".sql";
			Files.writeString(files.resolve(name), "--liquibase formatted sql\n\n--changeset benchmark:"
					+ revision.number() + "\n" + revision.sql() + ";\n");
			master.append("  - include:\n      file: db/changelog/revisions/").append(name).append('\n');
		}
		Files.writeString(directory.resolve("db.changelog-master.yaml"), master);
		return directory;
	}

	private Path writeFlyway(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (Revision revision : this.revisions) {
			Files.writeString(directory.resolve("V" + revision.number() + "__" + revision.slug() + ".sql"),
					revision.sql() + ";\n");
		}
		return directory;
	}

	private String number(Revision revision) {
		return String.format(Locale.ROOT, "%0" + this.width + "d", revision.number());
	}

	private record Revision(int number, String slug, String sql) {
	}

}
