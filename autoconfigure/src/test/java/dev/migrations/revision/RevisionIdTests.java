package dev.migrations.revision;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevisionIdTests {

	@Test
	void ordersNumericRunsNumerically() {
		List<RevisionId> ids = new ArrayList<>(List.of(new RevisionId("10"), new RevisionId("018"), new RevisionId("2"),
				new RevisionId("2a"), new RevisionId("1.10"), new RevisionId("1.9")));
		ids.sort(null);
		assertThat(ids).extracting(RevisionId::value).containsExactly("1.9", "1.10", "2", "2a", "10", "018");
	}

	@Test
	void leadingZerosNameTheSameRevision() {
		assertThat(new RevisionId("18").sameRevisionAs(new RevisionId("018"))).isTrue();
		assertThat(new RevisionId("18").sameRevisionAs(new RevisionId("19"))).isFalse();
	}

	@Test
	void rejectsMalformedIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RevisionId("")).withMessageContaining("not a valid");
		assertThatIllegalArgumentException().isThrownBy(() -> new RevisionId("0 1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new RevisionId("-1"));
	}

}
