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

package dev.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.migrations.internal.revision.RevisionIndex;

/**
 * Writes the revision index of each revision location into the build's output directory
 * ({@code db/migrations/.revisions.index} for {@code classpath:db/migrations/}): every
 * revision file's name, size, CRC-32 and checksum, and the revisions' head. With it, a
 * start whose database is already at the head checks the files on the class path against
 * the index (in the application's jar from its central directory, reading no file) and
 * the history against the index's checksums in one query, without reading a revision file
 * as a revision. Any difference between the index and the files (an edit after the build,
 * a file added, removed or renamed) makes the application read the files as it does
 * without an index.
 *
 * @author Migrations for Spring Boot contributors
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class IndexMojo extends AbstractMojo {

	/**
	 * The class path directory that holds the revision files.
	 */
	@Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
	private File classesDirectory;

	/**
	 * The revision locations to index: {@code migrations.location}, or each instance's
	 * with several databases.
	 */
	@Parameter(defaultValue = "classpath:db/migrations/")
	private List<String> locations;

	/**
	 * Skip writing the index.
	 */
	@Parameter(property = "migrations.index.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip) {
			getLog().info("Skipping the revision index (migrations.index.skip)");
			return;
		}
		Path classes = this.classesDirectory.toPath();
		for (String location : this.locations) {
			try {
				Path written = RevisionIndex.writeInto(classes, location);
				if (written == null) {
					getLog().info("No revision folder " + location + " in " + classes + ": no index written");
				}
				else {
					getLog().info("Wrote the revision index of " + location + " to " + classes.relativize(written));
				}
			}
			catch (IOException | RuntimeException ex) {
				throw new MojoExecutionException(
						"Cannot write the revision index of " + location + " into " + classes + ": " + ex.getMessage(),
						ex);
			}
		}
	}

}
