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

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's documentation is: the repository root holds {@code README.md} and
 * {@code docs/}. Tests run in a module's directory, so the root is found by walking up.
 */
final class ProjectDocs {

	private ProjectDocs() {
	}

	static Path root() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve("README.md")) && Files.isDirectory(directory.resolve("docs"))
					&& Files.isDirectory(directory.resolve("autoconfigure"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException(
				"No repository root (README.md, docs/, autoconfigure/) above " + Path.of("").toAbsolutePath());
	}

}
