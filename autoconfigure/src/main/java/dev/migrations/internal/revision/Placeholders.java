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

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.migrations.MigrationException;

/**
 * Values for the {@code ${name}} placeholders of plain SQL revisions, which are also
 * handed to changelog revisions as Liquibase changelog parameters. A revision's checksum
 * is taken from its text before replacement, so a value that differs between environments
 * is not an edit.
 * <p>
 * In plain SQL, placeholders are replaced in statements, string literals and quoted
 * identifiers; never in comments; and inside dollar-quoted bodies ({@code $$ ... $$},
 * {@code $fn$ ... $fn$}) only when asked, because function bodies (PL/pgSQL, PL/v8) use
 * {@code ${...}} for their own ends. A dollar-quoted string is therefore also the way to
 * keep a literal {@code ${...}}. A placeholder without a value fails, naming the file and
 * line.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class Placeholders {

	/** No placeholder values: a revision that uses one fails. */
	public static final Placeholders NONE = new Placeholders(Map.of(), false);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

	private final Map<String, String> values;

	private final boolean inDollarQuotes;

	/**
	 * Placeholder values.
	 * @param values the value of each placeholder, by name
	 * @param inDollarQuotes whether placeholders inside dollar-quoted bodies are replaced
	 * too
	 */
	public Placeholders(Map<String, String> values, boolean inDollarQuotes) {
		this.values = new TreeMap<>(values);
		this.inDollarQuotes = inDollarQuotes;
	}

	/**
	 * The values, by name.
	 * @return the values
	 */
	public Map<String, String> values() {
		return this.values;
	}

	/**
	 * Whether placeholders inside dollar-quoted bodies are replaced too.
	 * @return {@code true} if they are
	 */
	public boolean inDollarQuotes() {
		return this.inDollarQuotes;
	}

	/**
	 * Replace the placeholders of a plain SQL text.
	 * @param text the text, as read from the file
	 * @param file the file, for the error message
	 * @return the text with every placeholder replaced by its value
	 * @throws MigrationException if a placeholder has no value, naming the file and line
	 */
	public String replace(String text, String file) {
		if (!text.contains("${")) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			int end;
			if (c == '-' && SqlStatementSplitter.next(text, i) == '-') {
				end = SqlStatementSplitter.lineEnd(text, i);
				out.append(text, i, end);
			}
			else if (c == '/' && SqlStatementSplitter.next(text, i) == '*') {
				end = SqlStatementSplitter.blockCommentEnd(text, i);
				out.append(text, i, end);
			}
			else if (c == '\'' || c == '"') {
				end = SqlStatementSplitter.quotedEnd(text, i, c,
						c == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e'));
				replaceAll(text, i, end, file, out);
			}
			else if (c == '$' && SqlStatementSplitter.dollarTag(text, i) != null) {
				String tag = SqlStatementSplitter.dollarTag(text, i);
				int close = text.indexOf(tag, i + tag.length());
				end = (close < 0) ? length : close + tag.length();
				if (this.inDollarQuotes) {
					replaceAll(text, i, end, file, out);
				}
				else {
					out.append(text, i, end);
				}
			}
			else {
				end = replaceAt(text, i, file, out);
			}
			i = end;
		}
		return out.toString();
	}

	// Replace every placeholder between start and end, a span without comments.
	private void replaceAll(String text, int start, int end, String file, StringBuilder out) {
		int i = start;
		while (i < end) {
			i = replaceAt(text, i, file, out);
		}
	}

	// A placeholder starting at i is replaced; any other character is copied. Returns the
	// next position.
	private int replaceAt(String text, int i, String file, StringBuilder out) {
		if (text.startsWith("${", i)) {
			int close = text.indexOf('}', i + 2);
			String name = (close > 0) ? text.substring(i + 2, close) : "";
			if (NAME.matcher(name).matches()) {
				String value = this.values.get(name);
				if (value == null) {
					throw unknown(name, text, i, file);
				}
				out.append(value);
				return close + 1;
			}
		}
		out.append(text.charAt(i));
		return i + 1;
	}

	private MigrationException unknown(String name, String text, int position, String file) {
		int line = 1;
		for (int j = 0; j < position; j++) {
			if (text.charAt(j) == '\n') {
				line++;
			}
		}
		String known = this.values.isEmpty() ? "no placeholders are set"
				: "placeholders set: " + String.join(", ", this.values.keySet());
		return new MigrationException(
				"Revision file " + file + " uses the placeholder ${" + name + "} on line " + line
						+ ", which has no value (" + known + "). Nothing was written.",
				"Set migrations.placeholders." + name + " for this environment, or correct the placeholder's name in "
						+ file + ". To keep a literal ${...} in SQL, put it in a dollar-quoted string ($$...$$).");
	}

}
