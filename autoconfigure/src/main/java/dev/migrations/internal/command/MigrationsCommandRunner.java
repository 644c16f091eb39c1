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

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.OutputFormat;
import dev.migrations.internal.runner.MigrationsInitializer;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.Migrators;

/**
 * Runs {@code migrations.command} instead of the startup migration, then ends the
 * process: it takes the startup runner's place in the context refresh, so the command
 * runs before anything that uses the database is created, and the process exits before
 * the web server, schedulers, listeners or runners start. A command that fails ends the
 * process the same way: its failure (what happened, and the action) printed once on
 * standard error, and exit status 1 — not an application that "failed to start", and not
 * the context's failed refresh and close, which only add stack traces unrelated to the
 * command.
 *
 * @author Migrations for Spring Boot contributors
 */
public class MigrationsCommandRunner extends MigrationsInitializer {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsCommandRunner.class);

	private final Supplier<Migrators> migratorsSupplier;

	private @Nullable Migrators migrators;

	private final String commandText;

	private final OutputFormat format;

	private final IntConsumer exit;

	private final @Nullable PrintStream out;

	private final @Nullable PrintStream err;

	/**
	 * Create a runner that prints to the process's standard output and ends the process.
	 * @param migrators the databases' operations: one, or several named instances,
	 * created when the command runs, so that a migrator that cannot be built (a revision
	 * folder that does not exist, a database that cannot be reached) fails the command
	 * like any other failure of it
	 * @param commandText the command, such as {@code upgrade 019}
	 * @param format how to print
	 */
	public MigrationsCommandRunner(Supplier<Migrators> migrators, String commandText, OutputFormat format) {
		this(migrators, commandText, format, System::exit, null, null);
	}

	MigrationsCommandRunner(Migrators migrators, String commandText, OutputFormat format, IntConsumer exit,
			@Nullable PrintStream out, @Nullable PrintStream err) {
		this(() -> migrators, commandText, format, exit, out, err);
	}

	MigrationsCommandRunner(Supplier<Migrators> migrators, String commandText, OutputFormat format, IntConsumer exit,
			@Nullable PrintStream out, @Nullable PrintStream err) {
		this.migratorsSupplier = migrators;
		this.out = out;
		this.err = err;
		this.commandText = commandText;
		this.format = format;
		this.exit = exit;
	}

	@Override
	public void afterPropertiesSet() {
		int status;
		try {
			status = runCommand();
		}
		catch (CommandFailedException ex) {
			printFailure(ex);
			this.exit.accept(ex.getExitCode());
			// Only reached where the exit does not end the process (tests).
			throw ex;
		}
		this.exit.accept(status);
	}

	@Override
	public Migrators getMigrators() {
		Migrators resolved = this.migrators;
		if (resolved == null) {
			resolved = this.migratorsSupplier.get();
			this.migrators = resolved;
		}
		return resolved;
	}

	private void printFailure(CommandFailedException failure) {
		PrintStream err = (this.err != null) ? this.err : System.err;
		err.println();
		err.println("Command '" + this.commandText.trim() + "' failed (exit status " + failure.getExitCode() + ").");
		err.println();
		err.println(failure.getDescription());
		err.println();
		err.println("Action:");
		err.println();
		err.println(failure.getAction());
		if (!(failure.getCause() instanceof dev.migrations.MigrationException) && failure.getCause() != null) {
			err.println();
			failure.getCause().printStackTrace(err);
		}
		err.flush();
	}

	private int runCommand() {
		CommandLine command;
		try {
			command = CommandLine.parse(this.commandText);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandFailedException(
					"Invalid migrations.command '" + this.commandText + "': " + ex.getMessage() + " Nothing was done.",
					CommandLine.USAGE);
		}
		try {
			getMigrators();
		}
		catch (RuntimeException ex) {
			// The migrator could not be built: its bean's failure, with the reason
			// inside.
			throw CommandFailedException.of(command, null, reason(ex));
		}
		logger.info("Running the command '{}'", this.commandText);
		int status = MigrationsCommand.OK;
		PrintStream out = (this.out != null) ? this.out : standardOutput();
		for (String name : instances(command)) {
			Migrator migrator = getMigrators().get(name);
			if (command.instance() == null && getMigrators().size() > 1) {
				out.println("== " + name);
			}
			try {
				status = Math.max(status, new MigrationsCommand(migrator, this.format, out).run(command));
			}
			catch (RuntimeException ex) {
				throw CommandFailedException.of(command, (getMigrators().size() > 1) ? name : null, ex);
			}
		}
		return status;
	}

	private static RuntimeException reason(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof dev.migrations.MigrationException migration) {
				return migration;
			}
		}
		return ex;
	}

	/**
	 * The instances a command runs on: the one it names, the only one, or, for commands
	 * without a revision, every instance in the order the startup runs them.
	 * @param command the command
	 * @return the strings
	 */
	private List<String> instances(CommandLine command) {
		Migrators migrators = getMigrators();
		if (command.instance() != null) {
			if (migrators.get(command.instance()) == null) {
				throw new CommandFailedException(
						"The command names the database instance '" + command.instance()
								+ "', which does not exist. Nothing was done.",
						"Use --instance=<name> with one of: " + String.join(", ", migrators.names()) + ".");
			}
			return List.of(command.instance());
		}
		boolean revisionOfOneDatabase = command.target() != null
				&& !(command.command() == CommandLine.Command.UPGRADE && command.target().isHead());
		if (migrators.size() > 1
				&& (revisionOfOneDatabase || command.has("--sql") || this.format == OutputFormat.JSON)) {
			throw new CommandFailedException(
					"The command '" + command.command().label() + "' needs the database "
							+ "instance it is for: this application migrates " + String.join(", ", migrators.names())
							+ ". Nothing was done.",
					"Add --instance=<name> to the command, e.g. --migrations.command=\"" + this.commandText.trim()
							+ " --instance=" + migrators.names().get(0) + "\".");
		}
		return migrators.names();
	}

	/**
	 * The process's standard output itself: while a command runs, {@code System.out} (and
	 * with it the console log) is sent to standard error, so that what a command prints
	 * (SQL, JSON) is all that standard output carries.
	 * @return the print stream
	 */
	private static PrintStream standardOutput() {
		return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
	}

}
