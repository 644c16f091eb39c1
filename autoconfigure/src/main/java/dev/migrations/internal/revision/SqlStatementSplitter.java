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

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plain SQL revision into statements at {@code ;}, leaving alone the semicolons
 * inside string literals, quoted identifiers, comments and PostgreSQL dollar-quoted
 * bodies ({@code $$ ... $$}, {@code $fn$ ... $fn$}).
 *
 * @author Migrations for Spring Boot contributors
 */
public final class SqlStatementSplitter {

	private SqlStatementSplitter() {
	}

	/**
	 * Split the script.
	 * @param script the SQL text
	 * @return the statements, without their terminating {@code ;}; statements that hold
	 * only comments are dropped
	 */
	public static List<String> split(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean hasCode = false;
		int i = 0;
		int length = script.length();
		while (i < length) {
			char c = script.charAt(i);
			int end;
			if (c == '-' && next(script, i) == '-') {
				end = lineEnd(script, i);
			}
			else if (c == '/' && next(script, i) == '*') {
				end = blockCommentEnd(script, i);
			}
			else if (c == '\'') {
				boolean backslashEscapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
						&& (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
				end = quotedEnd(script, i, '\'', backslashEscapes);
				hasCode = true;
			}
			else if (c == '"') {
				end = quotedEnd(script, i, '"', false);
				hasCode = true;
			}
			else if (c == '$' && dollarTag(script, i) != null) {
				String tag = dollarTag(script, i);
				int close = script.indexOf(tag, i + tag.length());
				end = (close < 0) ? length : close + tag.length();
				hasCode = true;
			}
			else if (c == ';') {
				addStatement(statements, current, hasCode);
				current.setLength(0);
				hasCode = false;
				i++;
				continue;
			}
			else {
				end = i + 1;
				hasCode |= !Character.isWhitespace(c);
			}
			current.append(script, i, end);
			i = end;
		}
		addStatement(statements, current, hasCode);
		return statements;
	}

	private static void addStatement(List<String> statements, StringBuilder current, boolean hasCode) {
		if (hasCode) {
			statements.add(current.toString().strip());
		}
	}

	static char next(String script, int i) {
		return (i + 1 < script.length()) ? script.charAt(i + 1) : '\0';
	}

	static int lineEnd(String script, int i) {
		int newline = script.indexOf('\n', i);
		return (newline < 0) ? script.length() : newline + 1;
	}

	// PostgreSQL block comments nest.
	static int blockCommentEnd(String script, int i) {
		int depth = 0;
		int j = i;
		while (j < script.length()) {
			if (script.startsWith("/*", j)) {
				depth++;
				j += 2;
			}
			else if (script.startsWith("*/", j)) {
				depth--;
				j += 2;
				if (depth == 0) {
					return j;
				}
			}
			else {
				j++;
			}
		}
		return script.length();
	}

	static int quotedEnd(String script, int i, char quote, boolean backslashEscapes) {
		int j = i + 1;
		while (j < script.length()) {
			char c = script.charAt(j);
			if (backslashEscapes && c == '\\') {
				j += 2;
				continue;
			}
			if (c == quote) {
				if (next(script, j) == quote) {
					j += 2;
					continue;
				}
				return j + 1;
			}
			j++;
		}
		return script.length();
	}

	// $$ or $tag$ where tag is an identifier; $1 (a parameter) is not a dollar quote.
	static String dollarTag(String script, int i) {
		if (i > 0 && (Character.isLetterOrDigit(script.charAt(i - 1)) || script.charAt(i - 1) == '_')) {
			return null;
		}
		int j = i + 1;
		while (j < script.length()) {
			char c = script.charAt(j);
			if (c == '$') {
				return script.substring(i, j + 1);
			}
			boolean valid = Character.isLetter(c) || c == '_' || (j > i + 1 && Character.isDigit(c));
			if (!valid) {
				return null;
			}
			j++;
		}
		return null;
	}

}
