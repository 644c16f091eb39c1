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

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;
import dev.migrations.internal.revision.RevisionGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TargetTests {

	private final RevisionGraph graph = new RevisionGraph(List.of(revision("001"), revision("018", "001")));

	@Test
	void parsesHeadBaseAndRevisionIdsOnce() {
		assertThat(Target.of(" HEAD ")).isSameAs(Target.HEAD);
		assertThat(Target.of("base")).isSameAs(Target.BASE);
		assertThat(Target.of("18")).isEqualTo(Target.revision(new RevisionId("18")));
		assertThat(Target.of("018").toString()).isEqualTo("018");
		assertThatIllegalArgumentException().isThrownBy(() -> Target.of("01 8"))
			.withMessageContaining("is neither 'head', 'base' nor a revision id");
	}

	@Test
	void resolvesHeadAndIdsWithOrWithoutLeadingZeros() {
		assertThat(Request.upgrade(Target.HEAD).resolve(this.graph).target().id().value()).isEqualTo("018");
		assertThat(Request.upgrade(Target.of("18")).resolve(this.graph).target().id().value()).isEqualTo("018");
		assertThat(Request.downgrade(Target.BASE).resolve(this.graph).target()).isNull();
	}

	@Test
	void unknownTargetOfACallNamesTheOperationAndOfStartupTheProperty() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Request.upgrade(Target.of("019")).resolve(this.graph))
			.withMessageStartingWith(
					"The upgrade target 019 names a revision that does not exist (known revisions " + "are 001 to 018)")
			.satisfies((ex) -> assertThat(ex.getAction()).doesNotContain("migrations."));
		MigrationSettings settings = MigrationSettings.defaults().withTarget("019");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Request.startup(settings).resolve(this.graph))
			.withMessageStartingWith("migrations.target=019 names a revision that does not exist")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("Set migrations.target"));
	}

	@Test
	void operationsRefuseTargetsThatMeanNothingToThem() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> Request.upgrade(Target.BASE))
			.withMessageContaining("An upgrade cannot go to 'base'");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> Request.downgrade(Target.HEAD))
			.withMessageContaining("A downgrade cannot go to 'head'");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> Request.stamp(Target.BASE))
			.withMessageContaining("A stamp needs a revision");
	}

	private static Revision revision(String id, String... parents) {
		return new Revision(new RevisionId(id), "r" + id, List.of(parents).stream().map(RevisionId::new).toList(),
				id + ".sql", new RevisionContent.Sql("SELECT 1", null, null, true));
	}

}
