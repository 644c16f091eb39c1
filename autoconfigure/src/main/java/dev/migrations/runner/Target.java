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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.migrations.RevisionId;

/**
 * Where an operation takes the database: {@code head} (the application's newest
 * revision), {@code base} (before the first revision; only a downgrade goes there), or
 * one revision. Parsed once, from a property, a command's argument or an endpoint
 * request; the operations decide what a target means for them.
 *
 * @param kind which kind of target
 * @param revision the revision id, for {@link Kind#REVISION}
 * @author Migrations for Spring Boot contributors
 */
public record Target(Kind kind, @Nullable RevisionId revision) {

	/** The application's newest revision. */
	public static final Target HEAD = new Target(Kind.HEAD, null);

	/** Before the first revision. */
	public static final Target BASE = new Target(Kind.BASE, null);

	/**
	 * Create a target.
	 * @param kind which kind of target
	 * @param revision the revision id, required for {@link Kind#REVISION} only
	 */
	public Target {
		if ((kind == Kind.REVISION) != (revision != null)) {
			throw new IllegalArgumentException("A revision target needs a revision id, and only it has one");
		}
	}

	/**
	 * Parse {@code head}, {@code base} or a revision id.
	 * @param text the text, surrounding blanks ignored
	 * @return the target
	 * @throws IllegalArgumentException if the text is none of these
	 */
	public static Target of(String text) {
		String value = text.trim();
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "head" -> HEAD;
			case "base" -> BASE;
			default -> {
				if (!RevisionId.isValid(value)) {
					throw new IllegalArgumentException("'" + text + "' is neither 'head', 'base' nor a revision id "
							+ "(letters, digits, '.' and '-', such as 018)");
				}
				yield new Target(Kind.REVISION, new RevisionId(value));
			}
		};
	}

	/**
	 * A target at one revision.
	 * @param revision the revision id
	 * @return the target
	 */
	public static Target revision(RevisionId revision) {
		return new Target(Kind.REVISION, revision);
	}

	/**
	 * Whether this is {@code head}.
	 * @return {@code true} for {@code head}
	 */
	public boolean isHead() {
		return this.kind == Kind.HEAD;
	}

	/**
	 * Whether this is {@code base}.
	 * @return {@code true} for {@code base}
	 */
	public boolean isBase() {
		return this.kind == Kind.BASE;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case HEAD -> "head";
			case BASE -> "base";
			case REVISION -> this.revision.value();
		};
	}

	/**
	 * The kinds of target.
	 */
	public enum Kind {

		/** The application's newest revision. */
		HEAD,

		/** Before the first revision. */
		BASE,

		/** One revision. */
		REVISION

	}

}
