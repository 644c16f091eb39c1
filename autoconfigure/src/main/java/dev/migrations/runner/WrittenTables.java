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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;

/**
 * The tables a plan's revisions write to, read from their text: what a tables-only backup
 * must hold the data of. Statements that change rows or a table's definition count
 * ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, {@code COPY},
 * {@code ALTER TABLE}, {@code DROP TABLE}), and Liquibase's {@code tableName} attributes.
 * A Java revision's tables cannot be read: then they are unknown.
 *
 * @author Migrations for Spring Boot contributors
 */
final class WrittenTables {

	private static final String NAME = "(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*))?";

	private static final List<Pattern> STATEMENTS = List.of(
			pattern("\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME),
			pattern("\\bUPDATE\\s+(?:ONLY\\s+)?" + NAME), pattern("\\bDELETE\\s+FROM\\s+(?:ONLY\\s+)?" + NAME),
			pattern("\\bINSERT\\s+INTO\\s+" + NAME), pattern("\\bTRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?" + NAME),
			pattern("\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME), pattern("\\bCOPY\\s+" + NAME),
			pattern("\\btableName\\s*[=:]\\s*[\"']?" + NAME));

	private WrittenTables() {
	}

	private static Pattern pattern(String regex) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
	}

	/**
	 * The tables the revisions to apply and to reverse write to, lower case, as written
	 * ({@code name} or {@code schema.name}), and the history table.
	 * @param applied the applied
	 * @param historyTable the history table
	 * @param reverted the reverted
	 * @return the tables, or {@code null} if a revision's tables cannot be read
	 */
	static @Nullable Set<String> of(List<Revision> applied, List<Revision> reverted, String historyTable) {
		Set<String> tables = new TreeSet<>();
		// The history says which revision the data belongs to.
		tables.add(historyTable.toLowerCase(Locale.ROOT));
		List<String> texts = new ArrayList<>();
		for (Revision revision : applied) {
			String text = SchemaDrift.text(revision);
			if (text == null) {
				return null;
			}
			texts.add(text);
		}
		for (Revision revision : reverted) {
			if (revision.content() instanceof RevisionContent.Sql sql) {
				texts.add(String.valueOf(sql.downgrade()));
			}
			else if (revision.content() instanceof RevisionContent.LiquibaseChangelog changelog) {
				texts.add(changelog.text());
			}
			else {
				return null;
			}
		}
		for (String text : texts) {
			for (Pattern statement : STATEMENTS) {
				Matcher matcher = statement.matcher(text);
				while (matcher.find()) {
					String first = unquote(matcher.group(1));
					String second = (matcher.group(2) != null) ? unquote(matcher.group(2)) : null;
					tables.add(((second != null) ? first + "." + second : first).toLowerCase(Locale.ROOT));
				}
			}
		}
		return tables;
	}

	private static String unquote(String name) {
		return (name.startsWith("\"") && name.endsWith("\"")) ? name.substring(1, name.length() - 1) : name;
	}

}
