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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementSplitterTests {

	@Test
	void splitsAtSemicolonsAndDropsCommentOnlyStatements() {
		assertThat(SqlStatementSplitter.split("""
				-- header comment
				CREATE TABLE a (id INT);
				/* block; comment */
				INSERT INTO a VALUES (1);
				-- trailing comment only;
				""")).containsExactly("-- header comment\nCREATE TABLE a (id INT)",
				"/* block; comment */\nINSERT INTO a VALUES (1)");
	}

	@Test
	void keepsSemicolonsInsideStringsAndQuotedIdentifiers() {
		assertThat(
				SqlStatementSplitter.split("INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT \"odd;name\" FROM t"))
			.containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT \"odd;name\" FROM t");
	}

	@Test
	void keepsDollarQuotedBodiesWhole() {
		String function = """
				CREATE FUNCTION f() RETURNS trigger AS $fn$
				BEGIN
				  PERFORM 1; RETURN NEW;
				END; $fn$ LANGUAGE plpgsql""";
		assertThat(SqlStatementSplitter.split(function + ";\nSELECT $$a;b$$;")).containsExactly(function,
				"SELECT $$a;b$$");
	}

	@Test
	void treatsPositionalParametersAsCode() {
		assertThat(SqlStatementSplitter.split("SELECT $1; SELECT 2")).containsExactly("SELECT $1", "SELECT 2");
	}

	@Test
	void honoursBackslashEscapesInEscapeStrings() {
		assertThat(SqlStatementSplitter.split("SELECT E'it\\'s;'; SELECT 2")).containsExactly("SELECT E'it\\'s;'",
				"SELECT 2");
	}

	@Test
	void handlesNestedBlockComments() {
		assertThat(SqlStatementSplitter.split("/* a /* b; */ c; */ SELECT 1; SELECT 2"))
			.containsExactly("/* a /* b; */ c; */ SELECT 1", "SELECT 2");
	}

}
