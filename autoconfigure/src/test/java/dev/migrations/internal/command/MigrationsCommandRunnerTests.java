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

package dev.migrations.internal.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.core.io.DefaultResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.OutputFormat;
import dev.migrations.internal.runner.RevisionSource;
import dev.migrations.runner.MigrationSettings;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;
import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command runner with several databases ({@code migrations.instances}): which
 * instances a command runs on, and the exit status it ends the process with.
 */
class MigrationsCommandRunnerTests {

	@TempDir
	Path temp;

	private final TestDatabase orders = TestDatabases.h2();

	private final TestDatabase billing = TestDatabases.postgres();

	private Migrators migrators;

	private final java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();

	private final List<Integer> exits = new ArrayList<>();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void twoDatabases() {
		Map<String, Migrator> migrators = new LinkedHashMap<>();
		migrators.put("orders", migrator(this.orders, RevisionDirectory.in(this.temp.resolve("orders"))
			.add("001_create_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);")));
		migrators.put("billing",
				migrator(this.billing,
						RevisionDirectory.in(this.temp.resolve("billing"))
							.add("001_create_invoices.sql", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);")
							.add("002_create_payments.sql", "CREATE TABLE payments (id INTEGER PRIMARY KEY);")));
		this.migrators = new Migrators(migrators);
	}

	private static Migrator migrator(TestDatabase database, RevisionDirectory revisions) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(database.dataSource(), RevisionSource.directory(revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

	private String run(String command) {
		this.output.reset();
		new MigrationsCommandRunner(this.migrators, command, OutputFormat.TEXT, this.exits::add,
				new PrintStream(this.output, true, StandardCharsets.UTF_8),
				new PrintStream(this.errors, true, StandardCharsets.UTF_8))
			.afterPropertiesSet();
		return this.output.toString(StandardCharsets.UTF_8);
	}

	@Test
	void commandsWithoutARevisionRunOnEveryInstanceInOrder() {
		String upgrade = run("upgrade");
		assertThat(upgrade).containsSubsequence("== orders", "Applied 001", "== billing", "Applied 001", "Applied 002");
		assertThat(this.orders.tables()).contains("orders");
		assertThat(this.billing.tables()).contains("invoices", "payments");
		assertThat(run("check")).containsSubsequence("== orders", "OK", "== billing", "OK");
		assertThat(this.exits).containsExactly(0, 0);
	}

	@Test
	void instanceOptionPicksOneDatabase() {
		assertThat(run("upgrade 001 --instance=billing")).contains("Applied 001").doesNotContain("==");
		assertThat(this.billing.tables()).contains("invoices").doesNotContain("payments");
		assertThat(this.orders.tables()).doesNotContain("orders");
		assertThat(run("check --instance=orders")).contains("1 revision(s) pending");
		assertThat(this.exits).containsExactly(0, MigrationsCommand.NOT_AT_TARGET);
	}

	@Test
	void aFailedCommandPrintsOneMessageOnStandardErrorAndExitsWithStatusOne() {
		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(() -> run("downgrade 001"));
		assertThat(this.exits).containsExactly(1);
		assertThat(this.errors.toString(StandardCharsets.UTF_8))
			.startsWith(
					"\nCommand 'downgrade 001' failed (exit status 1).\n\nThe command 'downgrade' needs the database "
							+ "instance it is for")
			.contains("\nAction:\n\nAdd --instance=<name> to the command")
			.doesNotContain("APPLICATION FAILED TO START", "Exception");
	}

	@Test
	void aMigratorThatCannotBeBuiltFailsTheCommandLikeAnyOtherFailure() {
		MigrationException reason = new MigrationException(
				"migrations.location=classpath:db/nope names a folder that does not exist on the class path.",
				"Create the folder with the revision files.");
		MigrationsCommandRunner runner = new MigrationsCommandRunner(() -> {
			throw new BeanCreationException("migrator", "Failed to instantiate", reason);
		}, "current", OutputFormat.TEXT, this.exits::add, new PrintStream(this.output, true, StandardCharsets.UTF_8),
				new PrintStream(this.errors, true, StandardCharsets.UTF_8));
		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(runner::afterPropertiesSet);
		assertThat(this.exits).containsExactly(1);
		assertThat(this.errors.toString(StandardCharsets.UTF_8))
			.startsWith("\nCommand 'current' failed (exit status 1).\n\nThe command 'current' failed: "
					+ "migrations.location=classpath:db/nope names a folder that does not exist")
			.contains("\nAction:\n\nCreate the folder with the revision files.")
			.doesNotContain("BeanCreationException", "\tat ");
	}

	@Test
	void aBadCommandFailsBeforeTheMigratorIsBuilt() {
		List<String> built = new ArrayList<>();
		MigrationsCommandRunner runner = new MigrationsCommandRunner(() -> {
			built.add("migrators");
			return this.migrators;
		}, "migrate", OutputFormat.TEXT, this.exits::add, new PrintStream(this.output, true, StandardCharsets.UTF_8),
				new PrintStream(this.errors, true, StandardCharsets.UTF_8));
		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(runner::afterPropertiesSet);
		assertThat(this.exits).containsExactly(1);
		assertThat(built).isEmpty();
		assertThat(this.errors.toString(StandardCharsets.UTF_8)).contains("Unknown command 'migrate'");
	}

	@Test
	void commandsForOneDatabaseNeedTheInstance() {
		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(() -> run("downgrade 001"))
			.withMessageContaining("needs the database instance it is for: this application migrates orders, billing")
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(1));
		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(() -> run("current --instance=shop"))
			.withMessageContaining("names the database instance 'shop', which does not exist");
		assertThat(this.exits).containsExactly(1, 1);
		assertThat(this.orders.tables()).isEmpty();
	}

}
