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

package dev.migrations.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory of revision files that a test writes, used through a {@code file:}
 * location.
 */
public final class RevisionDirectory {

	private final Path path;

	private RevisionDirectory(Path path) {
		this.path = path;
	}

	/**
	 * Create a revision directory in the given folder.
	 * @param path the folder; created if missing
	 * @return the directory
	 */
	public static RevisionDirectory in(Path path) {
		try {
			Files.createDirectories(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RevisionDirectory(path);
	}

	/**
	 * Write a file.
	 * @param name the file name
	 * @param content the content
	 * @return this directory
	 */
	public RevisionDirectory add(String name, String content) {
		try {
			Files.writeString(this.path.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Delete a file.
	 * @param name the file name
	 * @return this directory
	 */
	public RevisionDirectory remove(String name) {
		try {
			Files.delete(this.path.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * The {@code file:} location of this directory.
	 * @return the location
	 */
	public String location() {
		return "file:" + this.path.toAbsolutePath() + "/";
	}

	/**
	 * The folder.
	 * @return the path
	 */
	public Path path() {
		return this.path;
	}

}
