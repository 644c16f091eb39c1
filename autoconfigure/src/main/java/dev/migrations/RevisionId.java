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

package dev.migrations;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The id of a revision, the text of a revision file's name before the first {@code _}.
 * Ids compare in natural order: runs of digits compare as numbers, so
 * {@code 2 < 10 < 018}, and {@code 18} and {@code 018} are the same revision.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class RevisionId implements Comparable<RevisionId> {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]*");

	private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

	private final String value;

	// The id split into numbers and lower-case text, computed once: ids are compared a
	// lot while sorting.
	private final Object[] chunks;

	/**
	 * Create an id.
	 * @param value the id as written in the file name
	 * @throws IllegalArgumentException if it is not a valid id
	 */
	public RevisionId(String value) {
		if (!isValid(value)) {
			throw new IllegalArgumentException("'" + value
					+ "' is not a valid revision id: use letters, digits, '.' and '-', starting with a letter or digit");
		}
		this.value = value;
		this.chunks = chunks(value);
	}

	/**
	 * Whether the given text can be a revision id.
	 * @param value the candidate
	 * @return {@code true} if it is valid
	 */
	public static boolean isValid(@Nullable String value) {
		return value != null && VALID.matcher(value).matches();
	}

	/**
	 * The id as written.
	 * @return the id
	 */
	public String value() {
		return this.value;
	}

	@Override
	public int compareTo(RevisionId other) {
		Object[] mine = this.chunks;
		Object[] theirs = other.chunks;
		for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
			int result = compareChunk(mine[i], theirs[i]);
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(mine.length, theirs.length);
	}

	/**
	 * Whether this id names the same revision as the other, numerically ({@code 18} and
	 * {@code 018}).
	 * @param other the other id
	 * @return {@code true} if both name one revision
	 */
	public boolean sameRevisionAs(RevisionId other) {
		return compareTo(other) == 0;
	}

	private static int compareChunk(Object a, Object b) {
		if (a instanceof BigInteger numberA && b instanceof BigInteger numberB) {
			return numberA.compareTo(numberB);
		}
		return a.toString().compareTo(b.toString());
	}

	private static Object[] chunks(String value) {
		List<Object> chunks = new ArrayList<>();
		Matcher matcher = CHUNK.matcher(value);
		while (matcher.find()) {
			String chunk = matcher.group();
			chunks.add(Character.isDigit(chunk.charAt(0)) ? new BigInteger(chunk) : chunk.toLowerCase(Locale.ROOT));
		}
		return chunks.toArray();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof RevisionId id && this.value.equals(id.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
