package dev.migrations.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
	 * @param md5 the MD5 digest of {@code upgrade} (UTF-8), in hexadecimal: what its checksum is made of
	 */
	record Sql(String upgrade, @Nullable String downgrade, @Nullable String downgradeFile, boolean transactional,
			String md5) implements RevisionContent {

		/**
		 * A plain SQL revision, its digest computed from its text.
		 * @param upgrade the file's text
		 * @param downgrade the text of the sibling {@code .down.sql} file, if any
		 * @param downgradeFile the name of the {@code .down.sql} file, if any
		 * @param transactional whether the revision runs in one transaction
		 */
		public Sql(String upgrade, @Nullable String downgrade, @Nullable String downgradeFile, boolean transactional) {
			this(upgrade, downgrade, downgradeFile, transactional, md5(upgrade));
		}

		/**
		 * The MD5 digest of a text's UTF-8 bytes, in hexadecimal.
		 * @param text the text
		 * @return the digest
		 */
		public static String md5(String text) {
			try {
				byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

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
