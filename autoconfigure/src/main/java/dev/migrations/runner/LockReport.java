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

package dev.migrations.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the pending revisions of a PostgreSQL database lock and rewrite, measured in a
 * scratch database at the current revision and joined with the live tables' sizes.
 *
 * @param url the live database, without credentials
 * @param current the live database's current revision, or {@code null} for none
 * @param largeTableRows the number of rows from which a table is large
 * @param revisions the pending revisions, in the order they would run
 * @author Migrations for Spring Boot contributors
 */
public record LockReport(String url, @Nullable String current, long largeTableRows, List<RevisionLocks> revisions) {

	/**
	 * The header that accepts a revision's blocking locks: {@code -- locks: accepted}.
	 */
	public static final String HEADER = "locks";

	/**
	 * Copy the list.
	 */
	public LockReport {
		revisions = List.copyOf(revisions);
	}

	/**
	 * Whether a pending revision would block writes to a large table for as long as it
	 * reads or rewrites it, and its header does not accept it.
	 * @return {@code true} if {@code check --locks} fails
	 */
	public boolean blocks() {
		return this.revisions.stream().anyMatch(RevisionLocks::blocks);
	}

	/**
	 * The report in lines, one per revision and lock.
	 * @return the text
	 */
	public String summary() {
		List<String> lines = new ArrayList<>();
		if (this.revisions.isEmpty()) {
			lines.add("Locks: no pending revision on " + this.url + ".");
		}
		for (RevisionLocks revision : this.revisions) {
			lines.addAll(revision.lines(this.url));
		}
		long blocking = this.revisions.stream().filter(RevisionLocks::blocks).count();
		lines.add((blocking > 0)
				? "Locks: " + blocking + " pending revision(s) would block writes to a table of "
						+ rows(this.largeTableRows)
						+ " or more for as long as they read or rewrite it. Use the pattern named above, or accept it "
						+ "with the header '-- locks: accepted' (e.g. for a maintenance window)."
				: "Locks: no pending revision blocks writes to a table of " + rows(this.largeTableRows)
						+ " or more while it reads or rewrites it.");
		return String.join("\n", lines);
	}

	static String rows(long rows) {
		if (rows >= 1_000_000) {
			return String.format(Locale.ROOT, "%.1f M rows", rows / 1_000_000.0);
		}
		if (rows >= 1_000) {
			return String.format(Locale.ROOT, "%.1f k rows", rows / 1_000.0);
		}
		return rows + ((rows == 1) ? " row" : " rows");
	}

	static String bytes(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
		}
		if (bytes >= 1L << 20) {
			return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
		}
		return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
	}

	/**
	 * One pending revision.
	 *
	 * @param revision the revision id
	 * @param label the id and description
	 * @param file its file
	 * @param notMeasured why it was not measured, or {@code null} if it was
	 * @param accepted whether its header accepts blocking locks
	 * @param locks the locks its statements take on tables that existed before it
	 */
	public record RevisionLocks(String revision, String label, String file, @Nullable String notMeasured,
			boolean accepted, List<TableLock> locks) {

		/**
		 * Copy the list.
		 */
		public RevisionLocks {
			locks = List.copyOf(locks);
		}

		/**
		 * Whether it would block writes to a large table while it reads or rewrites it,
		 * and its header does not accept it.
		 * @return {@code true} if it blocks
		 */
		public boolean blocks() {
			return !this.accepted && this.locks.stream().anyMatch(TableLock::blocking);
		}

		List<String> lines(String url) {
			List<String> lines = new ArrayList<>();
			if (this.notMeasured != null) {
				lines.add(this.revision + " not measured: " + this.notMeasured);
				return lines;
			}
			if (this.locks.isEmpty()) {
				lines.add(this.revision + " takes no lock that blocks reads or writes on an existing table");
			}
			for (TableLock lock : this.locks) {
				lines.add(lock.describe(this.revision, url) + ((lock.blocking() && this.accepted)
						? " [accepted by the revision's header '-- locks: accepted']" : ""));
			}
			return lines;
		}

	}

	/**
	 * A lock one statement takes on a table that existed before the revision.
	 *
	 * @param statement the statement's number in the revision, from 1
	 * @param sql the start of the statement
	 * @param table the table, schema-qualified
	 * @param mode the strongest lock mode, in PostgreSQL's words
	 * ({@code ACCESS EXCLUSIVE})
	 * @param rewrite whether the statement rewrites the table (a new file for it)
	 * @param scan whether the statement reads the whole table (validating a constraint,
	 * building an index)
	 * @param rows the live table's rows, as PostgreSQL estimates them
	 * @param bytes the live table's size with its indexes and TOAST
	 * @param blocking whether the lock blocks writes while the table is read or
	 * rewritten, on a large table
	 * @param advice the safe pattern, or {@code null} if none is known
	 */
	public record TableLock(int statement, String sql, String table, String mode, boolean rewrite, boolean scan,
			long rows, long bytes, boolean blocking, @Nullable String advice) {

		String describe(String revision, String url) {
			String what = this.rewrite ? " and rewrites it" : this.scan ? " and reads all of it" : "";
			String size = "(≈" + LockReport.rows(this.rows) + ", " + LockReport.bytes(this.bytes) + " on " + url + ")";
			String effect = this.blocking
					? ": blocks " + (this.mode.equals("ACCESS EXCLUSIVE") ? "reads and " : "")
							+ "writes for as long as that takes"
					: (LockModes.strength(this.mode) >= LockModes.SHARE && !this.rewrite && !this.scan)
							? ": held briefly (no scan, no rewrite), queued behind other sessions at most for the lock "
									+ "timeout"
							: "";
			return revision + " statement " + this.statement + " takes " + this.mode + " on " + this.table + what + " "
					+ size + effect + ((this.advice != null) ? ". Safer: " + this.advice : "") + "  [" + this.sql + "]";
		}

	}

}
