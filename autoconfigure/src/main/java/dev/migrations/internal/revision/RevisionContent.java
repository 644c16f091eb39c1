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

package dev.migrations.internal.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrations.JavaRevision;

/**
 * What a revision executes: plain SQL, a Liquibase changelog file, or a slice of an
 * existing master changelog.
 *
 * @author Migrations for Spring Boot contributors
 */
public sealed interface RevisionContent {

	/**
	 * A plain SQL revision: the whole file is one change set, executed statement by
	 * statement. Its digest is computed from its text when it is created, so that it
	 * always matches the text.
	 */
	final class Sql implements RevisionContent {

		private final String upgrade;

		private final @Nullable String downgrade;

		private final @Nullable String downgradeFile;

		private final boolean transactional;

		private final String md5;

		/**
		 * A plain SQL revision.
		 * @param upgrade the file's text
		 * @param downgrade the text of the sibling {@code .down.sql} file, if any
		 * @param downgradeFile the name of the {@code .down.sql} file, if any
		 * @param transactional whether the revision runs in one transaction (a header can
		 * turn it off for statements such as {@code CREATE INDEX CONCURRENTLY})
		 */
		public Sql(String upgrade, @Nullable String downgrade, @Nullable String downgradeFile, boolean transactional) {
			this.upgrade = upgrade;
			this.downgrade = downgrade;
			this.downgradeFile = downgradeFile;
			this.transactional = transactional;
			this.md5 = md5(upgrade);
		}

		/**
		 * The file's text.
		 * @return the text
		 */
		public String upgrade() {
			return this.upgrade;
		}

		/**
		 * The text of the sibling {@code .down.sql} file.
		 * @return the text, or {@code null} if there is none
		 */
		public @Nullable String downgrade() {
			return this.downgrade;
		}

		/**
		 * The name of the {@code .down.sql} file.
		 * @return the name, or {@code null} if there is none
		 */
		public @Nullable String downgradeFile() {
			return this.downgradeFile;
		}

		/**
		 * Whether the revision runs in one transaction.
		 * @return {@code true} unless its header turns it off
		 */
		public boolean transactional() {
			return this.transactional;
		}

		/**
		 * The MD5 digest of the file's text (UTF-8), in hexadecimal: what its checksum is
		 * made of.
		 * @return the digest
		 */
		public String md5() {
			return this.md5;
		}

		/**
		 * The checksum the history records for this revision: Liquibase's checksum format
		 * ({@code 9:} and the MD5 digest) over the file's text, placeholders not
		 * replaced.
		 * @return the checksum
		 */
		public String checksum() {
			return "9:" + this.md5;
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

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof Sql sql && this.transactional == sql.transactional
					&& this.upgrade.equals(sql.upgrade) && Objects.equals(this.downgrade, sql.downgrade)
					&& Objects.equals(this.downgradeFile, sql.downgradeFile));
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.upgrade, this.downgrade, this.downgradeFile, this.transactional);
		}

		@Override
		public String toString() {
			return "Sql[downgradeFile=" + this.downgradeFile + ", transactional=" + this.transactional + ", md5="
					+ this.md5 + "]";
		}

	}

	/**
	 * A revision file that is a Liquibase changelog ({@code .xml}, {@code .yaml},
	 * {@code .json} or formatted SQL).
	 *
	 * @param resourcePath the Spring resource path to parse it from
	 * @param text the file's text, used for its fingerprint
	 */
	record LiquibaseChangelog(String resourcePath, String text) implements RevisionContent {
	}

	/**
	 * A revision written in Java: a {@link JavaRevision} bean. Its checksum is made of
	 * its id and the version its author bumps, not of its code.
	 *
	 * @param code the bean
	 */
	record Java(JavaRevision code) implements RevisionContent {

		/**
		 * The checksum of the revision's code at its current version.
		 * @return the checksum
		 */
		public String checksum() {
			return "9:" + Sql.md5("java revision " + this.code.id() + " version " + this.code.version());
		}

	}

	/**
	 * A revision made of consecutive change sets of an existing Liquibase master
	 * changelog.
	 *
	 * @param changelogPath the master changelog
	 * @param changeSetKeys the change sets, as {@code file::id::author}
	 */
	record ChangelogSlice(String changelogPath, List<String> changeSetKeys) implements RevisionContent {
	}

}
