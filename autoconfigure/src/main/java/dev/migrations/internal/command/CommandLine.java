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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.runner.Target;

/**
 * A parsed command: what follows {@code flask db} in Alembic's workflow, given as
 * {@code migrations.command}, such as {@code upgrade 019 --sql}. Parsing needs no
 * database: bad input is refused before anything connects.
 *
 * @param command the command
 * @param target its revision argument, if it takes one
 * @param flags the flags given, such as {@code --sql}
 * @param instance the database instance it is for ({@code --instance=<name>}), or
 * {@code null}
 * @param directory where {@code generate-baseline} writes ({@code --directory=<dir>})
 * @author Migrations for Spring Boot contributors
 */
public record CommandLine(Command command, @Nullable Target target, Set<String> flags, @Nullable String instance,
		String directory) {

	/**
	 * Where {@code generate-baseline} writes unless told: the revisions directory of a
	 * Maven or Gradle project.
	 */
	static final String DEFAULT_DIRECTORY = "src/main/resources/db/migrations";

	/** What every usage failure shows. */
	public static final String USAGE = """
			Usage: --migrations.command="<command> [arguments]" (or MIGRATIONS_COMMAND="<command> [arguments]")
			  current                      the database's current revision and state
			  heads                        the application's head revision(s)
			  history [--verbose]          every revision, oldest first, with state, applied-at and duration
			  show <revision>              one revision in full, with its SQL
			  upgrade [<revision>|head] [--sql [--locks]]
			                               apply pending revisions up to the target (default head)
			  downgrade <revision>|base [--sql]
			                               reverse the revisions above the target
			  stamp <revision>|head        record revisions up to it as applied, without running them
			  baseline <revision>          adopt a database without history at that revision
			  repair <revision>            accept the edit of an applied revision: record its file's checksum
			  backup                       take a backup of the whole database now, whatever its size
			                               (for a deploy step before the upgrade)
			  check [--schema] [--locks]   exit 0 when the database is at the target, 2 when it is not
			                               (--schema: and when its schema drifted from what its revisions produce)
			                               (--locks: and when a pending revision would block writes to a large
			                               PostgreSQL table while it reads or rewrites it)
			  generate-baseline <revision> [--directory=<dir>]
			                               write <revision>_baseline.sql describing the database as it is
			                               (default directory src/main/resources/db/migrations)
			--sql prints the SQL instead of running it (with --locks: headed by what it locks, as comments).
			migrations.output=json prints JSON.
			With several databases (migrations.instances), --instance=<name> says which one.
			Exit status: 0 done, 1 failed, 2 check found work.""";

	/**
	 * Parse a command.
	 * @param text the command text
	 * @return the command
	 * @throws IllegalArgumentException with the reason, when the command or its arguments
	 * are wrong
	 */
	public static CommandLine parse(String text) {
		List<String> words = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
		if (words.isEmpty() || words.get(0).isEmpty()) {
			throw new IllegalArgumentException("migrations.command is empty.");
		}
		Command command = Command.named(words.remove(0));
		String instance = null;
		String directory = null;
		for (String word : List.copyOf(words)) {
			if (word.startsWith("--instance=")) {
				instance = word.substring("--instance=".length());
				words.remove(word);
				if (instance.isBlank()) {
					throw new IllegalArgumentException("--instance needs a name: --instance=<name>.");
				}
			}
			else if (word.startsWith("--directory=") && command == Command.GENERATE_BASELINE) {
				directory = word.substring("--directory=".length());
				words.remove(word);
			}
		}
		List<String> flags = words.stream().filter((word) -> word.startsWith("--")).toList();
		List<String> arguments = words.stream().filter((word) -> !word.startsWith("--")).toList();
		for (String flag : flags) {
			if (!command.flags().contains(flag)) {
				throw new IllegalArgumentException(
						"The command '" + command.label() + "' has no option " + flag + ((command.flags().isEmpty())
								? "." : " (it takes " + String.join(", ", command.flags()) + ")."));
			}
		}
		if (arguments.size() > 1) {
			throw new IllegalArgumentException("The command '" + command.label() + "' takes at most one revision, not "
					+ String.join(" ", arguments) + ".");
		}
		Target target = null;
		if (!arguments.isEmpty()) {
			if (command.argument() == Command.Argument.NONE) {
				throw new IllegalArgumentException(
						"The command '" + command.label() + "' takes no revision, not " + arguments.get(0) + ".");
			}
			target = Target.of(arguments.get(0));
		}
		else if (command.argument() == Command.Argument.REQUIRED) {
			throw new IllegalArgumentException("The command '" + command.label() + "' needs a revision.");
		}
		else if (command == Command.UPGRADE) {
			target = Target.HEAD;
		}
		if (command == Command.GENERATE_BASELINE && target.kind() != Target.Kind.REVISION) {
			throw new IllegalArgumentException(
					"The command 'generate-baseline' needs the id of the revision to write, " + "such as 001.");
		}
		return new CommandLine(command, target, Set.copyOf(flags), instance,
				(directory != null && !directory.isBlank()) ? directory : DEFAULT_DIRECTORY);
	}

	/**
	 * Whether a flag was given.
	 * @param flag the flag, such as {@code --sql}
	 * @return {@code true} if given
	 */
	public boolean has(String flag) {
		return this.flags.contains(flag);
	}

	/**
	 * The commands.
	 */
	public enum Command {

		/** The database's current revision and state. */
		CURRENT(Argument.NONE),

		/** The application's heads. */
		HEADS(Argument.NONE),

		/** Every revision with its state. */
		HISTORY(Argument.NONE, "--verbose"),

		/** One revision in full. */
		SHOW(Argument.REQUIRED),

		/** Apply pending revisions. */
		UPGRADE(Argument.OPTIONAL, "--sql", "--locks"),

		/** Reverse revisions. */
		DOWNGRADE(Argument.REQUIRED, "--sql"),

		/** Record revisions as applied without running them. */
		STAMP(Argument.REQUIRED),

		/** Adopt a database without history. */
		BASELINE(Argument.REQUIRED),

		/** Accept the edit of an applied revision. */
		REPAIR(Argument.REQUIRED),

		/**
		 * Whether the database is at the target (and, with {@code --schema}, has not
		 * drifted).
		 */
		CHECK(Argument.NONE, "--schema", "--locks"),

		/** Take a backup of the whole database, whatever its size. */
		BACKUP(Argument.NONE),

		/** Write the revision that describes the database as it is. */
		GENERATE_BASELINE(Argument.REQUIRED);

		private final Argument argument;

		private final List<String> flags;

		Command(Argument argument, String... flags) {
			this.argument = argument;
			this.flags = List.of(flags);
		}

		Argument argument() {
			return this.argument;
		}

		List<String> flags() {
			return this.flags;
		}

		/**
		 * The command's name as typed.
		 * @return the name
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Command named(String name) {
			for (Command command : values()) {
				if (command.label().equals(name.toLowerCase(Locale.ROOT))) {
					return command;
				}
			}
			throw new IllegalArgumentException("Unknown command '" + name + "'.");
		}

		enum Argument {

			NONE, OPTIONAL, REQUIRED

		}

	}

}
