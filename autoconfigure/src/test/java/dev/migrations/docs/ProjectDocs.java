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
