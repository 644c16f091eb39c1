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

package dev.migrations.internal.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.internal.revision.Placeholders;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;
import dev.migrations.internal.revision.SqlStatementSplitter;

/**
 * A plain SQL revision's one change set: its statements, and those of its
 * {@code .down.sql} file, with their placeholders replaced. Needs no Liquibase.
 *
 * @param upgrade the text of the revision file, placeholders not replaced (its checksum
 * is taken from it)
 * @param downgrade the text of the downgrade file, or {@code null} if there is none
 * @param downFile the downgrade file's name
 * @param file the revision file, for messages
 * @param placeholders the placeholder values
 * @author Migrations for Spring Boot contributors
 */
record SqlWork(String upgrade, @Nullable String downgrade, @Nullable String downFile, String file,
		Placeholders placeholders) implements PlannedChangeSet.ChangeSetWork {

	// Split only when the statements are needed: a start with nothing to apply never
	// splits a file.
	List<String> upgradeStatements() {
		return SqlStatementSplitter.split(this.placeholders.replace(this.upgrade, this.file));
	}

	List<String> downgradeStatements() {
		return (this.downgrade != null)
				? SqlStatementSplitter.split(
						this.placeholders.replace(this.downgrade, (this.downFile != null) ? this.downFile : this.file))
				: List.of();
	}

	/** The author recorded for plain SQL revisions. */
	static final String AUTHOR = "migrations";

	static PlannedChangeSet changeSet(Revision revision, RevisionContent.Sql sql, Placeholders placeholders) {
		String downFile = (sql.downgradeFile() != null)
				? sql.downgradeFile().substring(sql.downgradeFile().lastIndexOf('/') + 1) : null;
		String description = revision.description().isEmpty() ? "sql" : revision.description();
		return new PlannedChangeSet(revision.id().value(), AUTHOR, filename(revision.id().value()), sql.checksum(),
				description, null, null, sql.transactional(),
				new SqlWork(sql.upgrade(), sql.downgrade(), downFile, revision.file(), placeholders));
	}

	/**
	 * The history key of a plain SQL revision's change set.
	 */
	static String key(String revisionId) {
		return HistoryRow.key(filename(revisionId), revisionId, AUTHOR);
	}

	/** The history's FILENAME of a plain SQL revision. */
	private static String filename(String revisionId) {
		return HistoryRow.REVISION_FILE_PREFIX + revisionId;
	}

	/**
	 * A change set that runs nothing and records a revision whose change sets were all
	 * filtered out (dbms, contexts, labels).
	 */
	static PlannedChangeSet marker(Revision revision) {
		return new PlannedChangeSet(revision.id().value(), AUTHOR, filename(revision.id().value()), checksum(""),
				"empty", null, null, true, new SqlWork("", "", null, revision.file(), Placeholders.NONE));
	}

	/**
	 * The checksum of a plain SQL revision: Liquibase's checksum format over the file's
	 * text.
	 * @param text the file's text, line endings normalized
	 * @return the checksum
	 */
	static String checksum(String text) {
		return "9:" + RevisionContent.Sql.md5(text);
	}

	@Override
	public boolean matchesChecksum(String stored, String computed) {
		return stored.equals(computed);
	}

	@Override
	public String upgrade(MigrationEngine engine, StatementSink sink) {
		upgradeStatements().forEach(sink::statement);
		return "EXECUTED";
	}

	@Override
	public Reversal reversal(MigrationEngine engine) {
		if (this.downgrade == null) {
			return SqlStatementSplitter.split(this.upgrade).isEmpty() ? Reversal.by("nothing to reverse")
					: Reversal.impossible("it has no .down.sql file");
		}
		return Reversal.by(this.downFile);
	}

	@Override
	public void downgrade(MigrationEngine engine, StatementSink sink) {
		downgradeStatements().forEach(sink::statement);
	}

}
