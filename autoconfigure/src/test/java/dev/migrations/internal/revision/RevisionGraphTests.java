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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.RevisionId;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionGraphTests {

	private static Revision revision(String id, String... parents) {
		return new Revision(new RevisionId(id), "r" + id,
				java.util.Arrays.stream(parents).map(RevisionId::new).toList(), id + "_r.sql",
				new RevisionContent.Sql("SELECT 1", null, null, true));
	}

	@Test
	void handlesLongChainsOfRevisions() {
		List<Revision> revisions = new ArrayList<>();
		revisions.add(revision("1"));
		for (int i = 2; i <= 20_000; i++) {
			revisions.add(revision(String.valueOf(i), String.valueOf(i - 1)));
		}
		RevisionGraph graph = new RevisionGraph(revisions);
		assertThat(graph.heads()).extracting(RevisionId::value).containsExactly("20000");
		assertThat(graph.upTo(new RevisionId("20000"))).hasSize(20_000);
		assertThat(graph.upTo(new RevisionId("10"))).hasSize(10);
	}

	@Test
	void mergeRevisionFollowsBothBranches() {
		RevisionGraph graph = new RevisionGraph(
				List.of(revision("1"), revision("2", "1"), revision("3", "1"), revision("4", "2", "3")));
		assertThat(graph.upTo(new RevisionId("4"))).extracting((r) -> r.id().value())
			.containsExactly("1", "2", "3", "4");
		assertThat(graph.upTo(new RevisionId("3"))).extracting((r) -> r.id().value()).containsExactly("1", "3");
	}

	@Test
	void findsIdsWithOrWithoutLeadingZeros() {
		RevisionGraph graph = new RevisionGraph(List.of(revision("001"), revision("018", "001")));
		assertThat(graph.heads()).extracting(RevisionId::value).containsExactly("018");
		assertThat(graph.find(new RevisionId("18")).id().value()).isEqualTo("018");
		assertThat(graph.contains(new RevisionId("019"))).isFalse();
	}

}
