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

package dev.migrations.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README (the project's and the sample's) and of the reference
 * guide in {@code docs/} leads somewhere: the file exists and, for a {@code #anchor}, so
 * does the heading.
 */
class DocumentationLinksTests {

	@Test
	void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
		Path root = ProjectDocs.root();
		List<Path> files = new ArrayList<>();
		files.add(root.resolve("README.md"));
		files.add(root.resolve("sample-app/README.md"));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((file) -> file.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
		}
		List<String> broken = new ArrayList<>();
		for (Path file : files) {
			broken.addAll(MarkdownLinks.broken(file, root));
		}
		assertThat(broken).as("links that do not resolve").isEmpty();
	}

	@Test
	void reportsALinkToAMissingFileOrHeadingAndIgnoresLinksInCode(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("other.md"), """
				# Other page
				## `GET /actuator/migrations/drift`
				## Write operations: upgrade, downgrade, stamp
				## Write operations: upgrade, downgrade, stamp
				""");
		Path page = root.resolve("page.md");
		Files.writeString(page, """
				# Page
				See [the drift check](other.md#get-actuatormigrationsdrift) and
				[here](#page), [the web](https://example.com/missing.md) and [gone](missing.md).
				A [wrong anchor](other.md#no-such-heading). Code is not a link: `[x](nowhere.md)`
				```
				[y](nowhere-either.md)
				```
				A [reference][ref] link, [the second heading](other.md#write-operations-upgrade-downgrade-stamp-1).

				[ref]: gone-too.md
				""");

		assertThat(MarkdownLinks.broken(page, root)).containsExactly(
				"page.md:3: missing.md (no such file: " + root.resolve("missing.md") + ")",
				"page.md:4: other.md#no-such-heading (no heading with the anchor #no-such-heading in other.md)",
				"page.md:10: gone-too.md (no such file: " + root.resolve("gone-too.md") + ")");
	}

	@Test
	void headingsGetGitHubAnchors() {
		assertThat(MarkdownLinks.slug("The revision index: a start that reads no revision file"))
			.isEqualTo("the-revision-index-a-start-that-reads-no-revision-file");
		assertThat(MarkdownLinks.slug("Tests: slices and `@SpringBootTest`"))
			.isEqualTo("tests-slices-and-springboottest");
		assertThat(MarkdownLinks.slug("AOT and native images")).isEqualTo("aot-and-native-images");
		assertThat(MarkdownLinks.slug("Adopting a Flyway or Alembic database"))
			.isEqualTo("adopting-a-flyway-or-alembic-database");
	}

}
