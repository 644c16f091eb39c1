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

package dev.migrations.benchmark.app;

import java.io.IOException;
import java.nio.file.Path;

import dev.migrations.internal.revision.RevisionIndex;

/**
 * The build step of this starter's benchmark application: writes the revision index of
 * {@code db/migrations/} into its class path directory, as the starter's Maven plugin
 * ({@code migrations:index}) or Spring AOT does in a real build. Runs on the starter's
 * class path.
 *
 * @author Migrations for Spring Boot contributors
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
