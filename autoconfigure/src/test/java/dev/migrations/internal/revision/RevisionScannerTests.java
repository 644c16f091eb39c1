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

package dev.migrations.internal.revision;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionScannerTests {

	@TempDir
	Path temp;

	RevisionDirectory dir;

	@BeforeEach
	void setUp() {
		this.dir = RevisionDirectory.in(this.temp);
	}

	private List<Revision> scan() {
		return new RevisionScanner().scan(this.dir.location());
	}

	@Test
	void readsIdDescriptionAndDefaultParents() {
		this.dir.add("018_add_project_costs_table.sql", "SELECT 1;")
			.add("2_b.sql", "SELECT 2;")
			.add("README.md", "not a revision");
		List<Revision> revisions = scan();
		assertThat(revisions).extracting((revision) -> revision.id().value()).containsExactly("2", "018");
		assertThat(revisions.get(1).description()).isEqualTo("add project costs table");
		assertThat(revisions.get(0).parents()).isEmpty();
		assertThat(revisions.get(1).parents()).extracting(RevisionId::value).containsExactly("2");
	}

	@Test
	void pairsDowngradeFilesWithTheirRevision() {
		this.dir.add("001_users.sql", "CREATE TABLE users (id INT);").add("001_users.down.sql", "DROP TABLE users;");
		List<Revision> revisions = scan();
		assertThat(revisions).hasSize(1);
		RevisionContent.Sql sql = (RevisionContent.Sql) revisions.get(0).content();
		assertThat(sql.downgrade()).isEqualTo("DROP TABLE users;");
		assertThat(sql.downgradeFile()).endsWith("001_users.down.sql");
	}

	@Test
	void rejectsDowngradeFileWithoutRevision() {
		this.dir.add("001_users.down.sql", "DROP TABLE users;");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this::scan)
			.withMessageContaining("001_users.down.sql has no revision file 001_users.sql");
	}

	@Test
	void rejectsFilesWithoutRevisionId() {
		this.dir.add("init.sql", "SELECT 1;");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this::scan)
			.withMessageContaining("init.sql is not named <revision>_<slug>.<ext>")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("001_init.sql"));
	}

	@Test
	void readsDownRevisionHeaders() {
		this.dir.add("001_base.sql", "SELECT 1;")
			.add("002_branch_a.sql", "-- down_revision: 001\nSELECT 1;")
			.add("003_branch_b.yaml", "# down_revision: 001\ndatabaseChangeLog: []\n")
			.add("004_merge.sql", "-- down_revision: 002, 003\nSELECT 1;");
		RevisionGraph graph = new RevisionGraph(scan());
		assertThat(graph.heads()).extracting(RevisionId::value).containsExactly("004");
		assertThat(graph.find(new RevisionId("4")).parents()).extracting(RevisionId::value)
			.containsExactly("002", "003");
	}

	@Test
	void twoHeadsAreAConflictNamingBothFiles() {
		this.dir.add("001_base.sql", "SELECT 1;")
			.add("002_branch_a.sql", "-- down_revision: 001\nSELECT 1;")
			.add("003_branch_b.sql", "-- down_revision: 001\nSELECT 1;");
		RevisionGraph graph = new RevisionGraph(scan());
		assertThat(graph.hasConflict()).isTrue();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(graph::requireSingleHead)
			.withMessageContaining("2 heads")
			.withMessageContaining("002_branch_a.sql")
			.withMessageContaining("003_branch_b.sql")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("down_revision: 002, 003"));
	}

	@Test
	void unknownDownRevisionIsRejected() {
		this.dir.add("001_base.sql", "SELECT 1;").add("002_next.sql", "-- down_revision: 042\nSELECT 1;");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> new RevisionGraph(scan()))
			.withMessageContaining("names down_revision 042, which does not exist");
	}

	@Test
	void cyclesAreRejected() {
		this.dir.add("001_a.sql", "-- down_revision: 002\nSELECT 1;")
			.add("002_b.sql", "-- down_revision: 001\nSELECT 1;");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> new RevisionGraph(scan()))
			.withMessageContaining("form a cycle");
	}

	@Test
	void transactionalHeaderTurnsOffTheRevisionTransaction() {
		this.dir.add("001_index.sql", "-- transactional: false\nCREATE INDEX CONCURRENTLY i ON t (c);");
		assertThat(((RevisionContent.Sql) scan().get(0).content()).transactional()).isFalse();
	}

	@Test
	void formattedSqlIsALiquibaseChangelog() {
		this.dir.add("001_x.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;");
		assertThat(scan().get(0).content()).isInstanceOf(RevisionContent.LiquibaseChangelog.class);
	}

}
