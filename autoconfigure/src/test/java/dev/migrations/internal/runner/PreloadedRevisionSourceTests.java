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

package dev.migrations.internal.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PreloadedRevisionSourceTests {

	@TempDir
	Path temp;

	RevisionDirectory revisions;

	// The threads that read the directory, in order.
	final List<String> readers = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() {
		this.revisions = RevisionDirectory.in(this.temp)
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);")
			.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER);");
	}

	private RevisionSource recordingSource() {
		RevisionSource directory = RevisionSource.directory(this.revisions.location(), new DefaultResourceLoader());
		return () -> {
			this.readers.add(Thread.currentThread().getName());
			return directory.revisions();
		};
	}

	@Test
	void firstGraphIsReadInTheBackgroundAndLaterOnesAreReadAgain() {
		PreloadedRevisionSource source = PreloadedRevisionSource.start(recordingSource());
		RevisionGraph first = source.graph();
		assertThat(first.ordered()).extracting((revision) -> revision.id().value()).containsExactly("001", "002");
		assertThat(this.readers).containsExactly("migrations-revision-preload");
		this.revisions.add("003_add_budget.sql", "ALTER TABLE projects ADD COLUMN budget INTEGER;");
		RevisionGraph second = source.graph();
		assertThat(second.ordered()).extracting((revision) -> revision.id().value())
			.containsExactly("001", "002", "003");
		assertThat(this.readers).containsExactly("migrations-revision-preload", Thread.currentThread().getName());
		List<Revision> revisions = source.revisions();
		assertThat(revisions).hasSize(3);
	}

	@Test
	void failureOfTheBackgroundReadIsRaisedAsADirectReadRaisesIt() {
		this.revisions.add("2_create_roles.sql", "CREATE TABLE roles (id INTEGER);");
		RevisionSource direct = RevisionSource.directory(this.revisions.location(), new DefaultResourceLoader());
		MigrationException expected = catchThrowableOfType(MigrationException.class, direct::graph);
		PreloadedRevisionSource source = PreloadedRevisionSource.start(direct);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(source::graph)
			.withMessage(expected.getMessage())
			.withMessageContaining("Revision 2 is defined twice")
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo(expected.getAction()));
	}

	@Test
	void describesTheSourceItReads() {
		RevisionSource direct = RevisionSource.directory(this.revisions.location(), new DefaultResourceLoader());
		assertThat(PreloadedRevisionSource.start(direct).describe()).isEqualTo(this.revisions.location());
	}

}
