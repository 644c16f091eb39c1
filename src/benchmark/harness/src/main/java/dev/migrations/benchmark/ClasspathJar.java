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
