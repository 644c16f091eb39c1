package dev.migrations.revision;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
