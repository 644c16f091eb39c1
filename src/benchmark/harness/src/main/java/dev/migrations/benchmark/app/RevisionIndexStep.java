package dev.migrations.benchmark.app;

import java.io.IOException;
import java.nio.file.Path;

import dev.migrations.revision.RevisionIndex;

/**
 * The build step of this starter's benchmark application: writes the revision index of
 * {@code db/migrations/} into its class path directory, as the starter's Maven plugin
 * ({@code migrations:index}) or Spring AOT does in a real build. Runs on the starter's
 * class path.
 */
public final class RevisionIndexStep {

	private RevisionIndexStep() {
	}

	public static void main(String[] args) throws IOException {
		Path written = RevisionIndex.writeInto(Path.of(args[0]), "classpath:db/migrations/");
		if (written == null) {
			System.err.println("No db/migrations/ in " + args[0]);
			System.exit(1);
		}
	}

}
