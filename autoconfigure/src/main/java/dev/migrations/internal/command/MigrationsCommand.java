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

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.migrations.Backup;
import dev.migrations.DriftReport;
import dev.migrations.OutputFormat;
import dev.migrations.actuate.DriftDescriptor;
import dev.migrations.actuate.MigrationsDescriptor;
import dev.migrations.actuate.RevisionDescriptor;
import dev.migrations.runner.DatabaseState;
import dev.migrations.runner.InterruptedRevision;
import dev.migrations.runner.LockReport;
import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RevisionDetail;
import dev.migrations.runner.RevisionStatus;
import dev.migrations.runner.RevisionSummary;
import dev.migrations.runner.RunReport;
import dev.migrations.runner.SqlScript;
import dev.migrations.runner.ValidationFailedException;

/**
 * Runs one command against a migrator and prints its result: the translation of Alembic's
 * command set onto the operations API. Failures are thrown (the caller turns them into
 * exit status 1); the result is the exit status.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MigrationsCommand {

	/** Exit status of a command that did what it was asked. */
	public static final int OK = 0;

	/** Exit status of a command that failed. */
	public static final int FAILED = 1;

	/** Exit status of {@code check} when the database is not at the target. */
	public static final int NOT_AT_TARGET = 2;

	private final Migrator migrator;

	private final OutputFormat format;

	private final PrintStream out;

	/**
	 * Create a command runner.
	 * @param migrator the database's operations
	 * @param format how to print
	 * @param out where to print the result
	 */
	MigrationsCommand(Migrator migrator, OutputFormat format, PrintStream out) {
		this.migrator = migrator;
		this.format = format;
		this.out = out;
	}

	/**
	 * Run a command.
	 * @param command the command
	 * @return the exit status: {@link #OK} or {@link #NOT_AT_TARGET}
	 * @throws RuntimeException if the command fails
	 */
	int run(CommandLine command) {
		switch (command.command()) {
			case CURRENT -> current(this.migrator.status());
			case HEADS -> heads(this.migrator.heads());
			case HISTORY -> history(this.migrator.status(), command.has("--verbose"));
			case SHOW -> show(command);
			case UPGRADE -> {
				if (command.has("--sql")) {
					SqlScript script = this.migrator.previewUpgrade(command.target());
					if (command.has("--locks")) {
						this.out.println(this.migrator.checkLocks().summary().replaceAll("(?m)^", "-- "));
					}
					sql(script);
				}
				else {
					ran(this.migrator.upgrade(command.target()));
				}
			}
			case DOWNGRADE -> {
				if (command.has("--sql")) {
					sql(this.migrator.previewDowngrade(command.target()));
				}
				else {
					ran(this.migrator.downgrade(command.target()));
				}
			}
			case STAMP -> ran(this.migrator.stamp(command.target()));
			case BASELINE -> ran(this.migrator.baseline(command.target()));
			case REPAIR -> ran(this.migrator.repair(command.target()));
			case BACKUP -> {
				Backup backup = this.migrator.backup();
				if (!json(java.util.Map.of("backup", backup.file().toString(), "restore", backup.restoreCommand()))) {
					this.out
						.println("Backup written to " + backup.file() + " (restore: " + backup.restoreCommand() + ")");
				}
			}
			case CHECK -> {
				return check(command.has("--schema"), command.has("--locks"));
			}
			case GENERATE_BASELINE -> {
				Path file = this.migrator.generateBaseline(Path.of(command.directory()), command.target().toString());
				if (!json(java.util.Map.of("file", file.toString()))) {
					this.out.println("Wrote " + file + ": the schema of " + this.migrator.status().database().url()
							+ " as revision " + command.target()
							+ ". Adopt the database with migrations.baseline.revision=" + command.target() + ".");
				}
			}
		}
		this.out.flush();
		return OK;
	}

	private void current(MigrationStatus status) {
		if (json(MigrationsDescriptor.of(status, null))) {
			return;
		}
		this.out.println("Database: " + status.database().url() + " (" + status.database().product() + " "
				+ status.database().version() + ", " + status.database().container() + ")");
		this.out.println("State: " + status.state());
		this.out.println("Current revision: " + currentLabel(status));
		if (!status.pending().isEmpty()) {
			this.out.println("Pending up to " + status.target() + ": "
					+ String.join(", ", status.pending().stream().map(RevisionStatus::revision).toList()));
		}
		interrupted(status);
	}

	private void interrupted(MigrationStatus status) {
		InterruptedRevision interrupted = status.interrupted();
		if (interrupted != null) {
			this.out.println("Interrupted: " + interrupted.description());
			this.out.println("Ways out: " + interrupted.action());
		}
	}

	private static String currentLabel(MigrationStatus status) {
		if (status.current() == null) {
			return "base (no revision recorded)";
		}
		return status.current() + (status.heads().contains(status.current()) ? " (head)" : "");
	}

	private void heads(List<RevisionSummary> heads) {
		if (this.format == OutputFormat.JSON) {
			json(heads.stream().map(RevisionSummary::revision).toList());
			return;
		}
		if (heads.isEmpty()) {
			this.out.println("No revisions.");
		}
		heads.forEach((head) -> this.out.println(head.revision() + " (head) " + head.description()));
		if (heads.size() > 1) {
			this.out.println("More than one head: add a merge revision whose down_revision lists them all.");
		}
	}

	private void history(MigrationStatus status, boolean verbose) {
		if (json(MigrationsDescriptor.of(status, null))) {
			return;
		}
		for (RevisionStatus revision : status.history()) {
			this.out.println(String.format("%-10s %-9s %-24s %8s  %s", revision.revision(), revision.state(),
					(revision.appliedAt() != null) ? revision.appliedAt() : "-",
					(revision.executionTimeMs() != null) ? revision.executionTimeMs() + " ms" : "-",
					revision.description()));
			details(revision, verbose);
		}
		for (RevisionStatus revision : status.pending()) {
			this.out.println(String.format("%-10s %-9s %-24s %8s  %s", revision.revision(), revision.state(), "-", "-",
					revision.description()));
			details(revision, verbose);
		}
		if (status.history().isEmpty() && status.pending().isEmpty()) {
			this.out.println("No revisions.");
		}
		interrupted(status);
	}

	private void details(RevisionStatus revision, boolean verbose) {
		if (!verbose) {
			return;
		}
		this.out
			.println("           file: " + ((revision.file() != null) ? revision.file() : "(not in the application)"));
		this.out.println("           change sets: " + revision.changesets()
				+ (revision.recordedChangesets().isEmpty() ? "" : ", recorded " + revision.recordedChangesets())
				+ (revision.missingChangesets().isEmpty() ? "" : ", missing " + revision.missingChangesets()));
	}

	private void show(CommandLine command) {
		List<RevisionSummary> heads = command.target().isHead() ? this.migrator.heads() : List.of();
		String id = (heads.size() == 1) ? heads.get(0).revision() : String.valueOf(command.target());
		Optional<RevisionDetail> found = this.migrator.show(id);
		if (found.isEmpty()) {
			throw new dev.migrations.MigrationException(
					"Neither the application nor the database knows revision " + id + ".",
					"The history command lists the revisions.");
		}
		RevisionDetail detail = found.get();
		if (json(RevisionDescriptor.of(detail))) {
			return;
		}
		this.out.println("Revision: " + detail.revision() + " " + detail.description());
		this.out.println("State: " + detail.state()
				+ ((detail.appliedAt() != null) ? " (recorded " + detail.appliedAt() + ")" : ""));
		detail.files().forEach((file) -> this.out.println("File: " + file));
		for (RevisionDetail.ChangeSetDetail changeSet : detail.changesets()) {
			this.out.println("Change set: " + changeSet.id() + "::" + changeSet.author() + " "
					+ (changeSet.recorded() ? String.valueOf(changeSet.execType()) : "PENDING") + ", checksum "
					+ changeSet.checksum() + (changeSet.runInTransaction() ? "" : ", outside the transaction"));
		}
		this.out.println(
				"Downgrade: " + (detail.downgradable() ? detail.downgrade() : "not possible: " + detail.downgrade()));
		if (detail.interrupted() != null) {
			this.out.println("Interrupted: " + detail.interrupted().description());
			this.out.println("Ways out: " + detail.interrupted().action());
		}
		this.out.println("SQL:");
		detail.sql().forEach((statement) -> this.out.println(statement + (SqlScript.isNote(statement) ? "" : ";")));
	}

	private void sql(SqlScript script) {
		// The SQL itself, in either format: it is what a reviewer or a DBA runs.
		this.out.print(script.text());
	}

	private void ran(RunReport report) {
		if (json(MigrationsDescriptor.of(this.migrator.status(), report))) {
			return;
		}
		report.recorded().forEach((revision) -> this.out.println("Recorded " + revision + " without running it"));
		report.reverted().forEach((revision) -> this.out.println("Reversed " + revision));
		report.applied().forEach((revision) -> this.out.println("Applied " + revision));
		this.out
			.println(report.outcome() + ": revision " + orBase(report.from()) + " -> " + orBase(report.to()) + " in "
					+ report.durationMs() + " ms" + ((report.backup() != null) ? ", backup " + report.backup() : ""));
	}

	private int check(boolean schema, boolean locks) {
		int status;
		String message;
		try {
			RunReport report = this.migrator.validate();
			status = OK;
			message = "OK: the database is at revision " + orBase(report.to()) + ", the target, with matching "
					+ "checksums.";
		}
		catch (ValidationFailedException ex) {
			// Before a deploy, pending revisions are what --locks is about: only what
			// they
			// lock decides.
			status = (locks && this.migrator.status().state() == DatabaseState.BEHIND) ? OK : NOT_AT_TARGET;
			message = ex.getMessage() + "\n" + ex.getAction();
		}
		DriftReport drift = schema ? this.migrator.drift() : null;
		if (drift != null && drift.hasDrift()) {
			status = NOT_AT_TARGET;
		}
		LockReport lockReport = locks ? this.migrator.checkLocks() : null;
		if (lockReport != null && lockReport.blocks()) {
			status = NOT_AT_TARGET;
		}
		Object report = MigrationsDescriptor.of(this.migrator.status(), null);
		java.util.Map<String, Object> parts = new java.util.LinkedHashMap<>();
		parts.put("migrations", report);
		if (drift != null) {
			parts.put("drift", DriftDescriptor.of(drift));
		}
		if (lockReport != null) {
			parts.put("locks", lockReport);
		}
		if (!json((parts.size() > 1) ? parts : report)) {
			this.out.println(message);
			if (drift != null) {
				this.out.println(drift.summary());
			}
			if (lockReport != null) {
				this.out.println(lockReport.summary());
			}
		}
		this.out.flush();
		return status;
	}

	private boolean json(@Nullable Object value) {
		if (this.format != OutputFormat.JSON) {
			return false;
		}
		this.out.println(Json.write(value));
		return true;
	}

	private static String orBase(@Nullable String revision) {
		return (revision != null) ? revision : "base";
	}

}
