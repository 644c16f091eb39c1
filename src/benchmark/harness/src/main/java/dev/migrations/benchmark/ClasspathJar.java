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

package dev.migrations.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packages a variant's class path directory into a jar, directory entries included, as
 * the application's build would: every tool then reads its revision files from a jar, as
 * in a deployed application.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ClasspathJar {

	private ClasspathJar() {
	}

	static void pack(Path directory, Path jar) {
		try {
			List<Path> paths;
			try (Stream<Path> walk = Files.walk(directory)) {
				paths = walk.filter((path) -> !path.equals(directory)).sorted().toList();
			}
			try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
				for (Path path : paths) {
					String name = directory.relativize(path).toString().replace('\\', '/');
					boolean folder = Files.isDirectory(path);
					jarOut.putNextEntry(new JarEntry(folder ? name + "/" : name));
					if (!folder) {
						jarOut.write(Files.readAllBytes(path));
					}
					jarOut.closeEntry();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
