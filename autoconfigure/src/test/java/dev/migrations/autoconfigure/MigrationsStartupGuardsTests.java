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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.MigrationException;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings that point the migrator somewhere that is not there: a revision folder that
 * does not exist, a database host that does not resolve. The start fails naming what is
 * missing, before anything is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsStartupGuardsTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void failsBeforeConnectingWhenTheLocationDoesNotExist() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=file:/srv/app/no-such-dir/")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("migrations.location=file:/srv/app/no-such-dir/",
						"names a folder that does not exist", "nothing connected to the database");
				assertThat(analysis.getAction()).contains("Create the folder", "migrations.location");
				assertThat(db.tables()).isEmpty();
			});
	}

	@Test
	void failsNamingTheInstanceSettingWhenAnInstanceLocationDoesNotExist() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("migrations.instances.archive.url=" + db.url(),
					"migrations.instances.archive.location=file:/srv/app/no-such-dir/")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessageContaining("migrations.instances.archive.location=file:/srv/app/no-such-dir/ names a "
							+ "folder that does not exist");
				assertThat(db.tables()).isEmpty();
			});
	}

	@Test
	void failsWhenAConfiguredClasspathLocationDoesNotExist() {
		TestDatabase db = TestDatabases.h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=classpath:db/no-such-dir/")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessageContaining("migrations.location=classpath:db/no-such-dir/ names a folder that does not "
							+ "exist on the class path");
				assertThat(db.tables()).isEmpty();
			});
	}

	@Test
	void startsWithAWarningWhenTheLocationIsAnEmptyFolder(CapturedOutput output) {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory empty = RevisionDirectory.in(this.temp.resolve("empty"));
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=" + empty.location())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(db.tables()).isEmpty();
			});
		assertThat(output).contains("No revision files in " + empty.location());
	}

	@Test
	void unresolvableMigrationHostNamesTheUrlAndTheCauseButNoPassword() {
		TestDatabase db = TestDatabases.h2();
		RevisionDirectory revisions = RevisionDirectory.in(this.temp.resolve("revisions"))
			.add("001_create_users.sql", "CREATE TABLE users (id INTEGER);");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + db.url(), "migrations.location=" + revisions.location(),
					"migrations.url=jdbc:postgresql://no-such-host.invalid:5432/app?sslmode=disable",
					"migrations.user=migrator", "migrations.password=s3cret-pw")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("Cannot connect to the database jdbc:postgresql://no-such-host.invalid:5432/app")
					.contains("unknown host no-such-host.invalid")
					.contains("Nothing was written")
					.doesNotContain("s3cret-pw");
				assertThat(analysis.getAction()).contains("migrations.url");
			});
	}

}
