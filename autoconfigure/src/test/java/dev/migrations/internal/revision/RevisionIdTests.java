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
