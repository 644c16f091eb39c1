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

package dev.migrations.bookshop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookshop as Spring AOT processed it at build time
 * ({@code spring-boot-maven-plugin:process-aot}, as for a native image), started as a
 * process of its own with {@code -Dspring.aot.enabled=true}: the generated initializer
 * replaces the bean definitions' reflection, the revision files are found through the
 * index written at build time, and the revisions are applied before JPA validates the
 * entities. Runs in the integration-test phase, after process-aot. No native image is
 * built here (no GraalVM toolchain): the native-image metadata AOT wrote is checked
 * instead.
 */
class BookshopAotIT {

	private static final Path WORK = Path.of("target", "aot-tests").toAbsolutePath();

	@Test
	void aotProcessedApplicationMigratesAnEmptyH2Database() throws Exception {
		Path directory = WORK.resolve("h2");
		FileSystemUtils.deleteRecursively(directory);
		TestDatabase database = new TestDatabase("h2", "jdbc:h2:file:" + directory.resolve("bookshop"), "sa", "");
		String output = start("h2", database);
		assertStartedAndMigrated(output, database);
	}

	@Test
	void aotProcessedApplicationMigratesAnEmptyPostgresDatabase() throws Exception {
		TestDatabase database = TestDatabases.postgres();
		String output = start("postgresql", database);
		assertStartedAndMigrated(output, database);
	}

	@Test
	void nativeImageMetadataRegistersTheRevisionFilesTheirIndexAndLiquibase() throws IOException {
		Path metadata = Path.of("target", "classes", "META-INF", "native-image", "dev.migrations",
				"migrations-user-app", "reachability-metadata.json");
		String json = Files.readString(metadata).replace("\\/", "/");
		assertThat(json).contains("\"glob\": \"db/migrations/*\"", "\"glob\": \"db/migrations/.revisions.index\"",
				"\"glob\": \"www.liquibase.org/xml/ns/dbchangelog/*.xsd\"",
				"\"type\": \"liquibase.change.core.CreateTableChange\"",
				"\"type\": \"liquibase.change.core.RawSQLChange\"");
	}

	private void assertStartedAndMigrated(String output, TestDatabase database) {
		assertThat(output).contains("Found the 5 files of classpath:db/migrations/ through the revision index "
				+ "db/migrations/.revisions.index");
		assertThat(output).contains("Applying 005 create reviews (5/5)");
		assertThat(output).contains("Bookshop catalogue: 1 books, 0 reviews");
		BookshopSchema.assertMigrated(database.dataSource());
	}

	private String start(String name, TestDatabase database) throws IOException, InterruptedException {
		Files.createDirectories(WORK);
		Path log = WORK.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dspring.aot.enabled=true");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(classPath());
		command.add(BookshopApplication.class.getName());
		command.add("--spring.datasource.url=" + database.url());
		command.add("--spring.datasource.username=" + database.user());
		command.add("--spring.datasource.password=" + database.password());
		command.add("--logging.level.dev.migrations.internal.revision=debug");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean exited = process.waitFor(3, TimeUnit.MINUTES);
		if (!exited) {
			process.destroyForcibly();
		}
		String output = Files.readString(log);
		assertThat(exited).as("the application exited:%n%s", output).isTrue();
		assertThat(process.exitValue()).as("exit status:%n%s", output).isZero();
		return output;
	}

	// The class path of this JVM: target/classes holds what process-aot generated and
	// compiled.
	private static String classPath() {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(classPath).contains(Path.of("target", "classes").toString());
		return classPath;
	}

}
