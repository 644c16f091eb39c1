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

package dev.migrations.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.aot.AbstractAotProcessor;

import dev.migrations.internal.runner.MigrationsInitializer;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsAotProcessingTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void neverMigratesTheBuildTimeDatabaseWhileSpringAotProcessesTheApplication() {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp)
			.add("001_users.sql", "CREATE TABLE users (id INT);");
		this.contextRunner.withSystemProperties(AbstractAotProcessor.AOT_PROCESSING + "=true")
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=" + revisions.location())
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsInitializer.class);
				assertThat(db.tables()).isEmpty();
			});
	}

}
