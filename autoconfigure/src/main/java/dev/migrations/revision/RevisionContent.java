package dev.migrations.revision;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a revision executes: plain SQL, a Liquibase changelog file, or a slice of an existing master changelog.
 */
public sealed interface RevisionContent {

	/**
	 * A plain SQL revision: the whole file is one change set, executed statement by statement.
	 *
	 * @param upgrade the file's text
	 * @param downgrade the text of the sibling {@code .down.sql} file, if any
	 * @param downgradeFile the name of the {@code .down.sql} file, if any
	 * @param transactional whether the revision runs in one transaction (a header can turn it off for
	 * statements such as {@code CREATE INDEX CONCURRENTLY})
	 */
	record Sql(String upgrade, @Nullable String downgrade, @Nullable String downgradeFile,
			boolean transactional) implements RevisionContent {
	}

	/**
	 * A revision file that is a Liquibase changelog ({@code .xml}, {@code .yaml}, {@code .json} or formatted SQL).
	 *
	 * @param resourcePath the Spring resource path to parse it from
	 * @param text the file's text, used for its fingerprint
	 */
	record LiquibaseChangelog(String resourcePath, String text) implements RevisionContent {
	}

	/**
	 * A revision made of consecutive change sets of an existing Liquibase master changelog.
	 *
	 * @param changelogPath the master changelog
	 * @param changeSetKeys the change sets, as {@code file::id::author}
	 */
	record ChangelogSlice(String changelogPath, List<String> changeSetKeys) implements RevisionContent {
	}

}
