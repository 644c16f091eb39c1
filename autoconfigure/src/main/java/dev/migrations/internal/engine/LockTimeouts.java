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

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How long a PostgreSQL revision's transaction may wait for a lock, and how often it is
 * tried again when it could not get one. A statement waiting for a lock holds every later
 * query on that table in the queue behind it: a short wait, given up and retried, keeps
 * that queue short.
 *
 * @param lockTimeout the {@code lock_timeout} of each transactional revision, or
 * {@code null} to leave the server's setting
 * @param retries how many times a revision that timed out waiting for a lock is tried
 * again, with growing pauses
 * @param statementTimeout the {@code statement_timeout} of each transactional revision,
 * or {@code null} to leave the server's setting
 * @param backoff the pause before the first retry; it doubles for each further retry
 * @author Migrations for Spring Boot contributors
 */
public record LockTimeouts(@Nullable Duration lockTimeout, int retries, @Nullable Duration statementTimeout,
		Duration backoff) {

	/**
	 * The header that sets a revision's own lock timeout: {@code -- lock_timeout: 30s}.
	 */
	public static final String HEADER = "lock_timeout";

	private static final Pattern POSTGRES_DURATION = Pattern.compile("\\d+\\s*(ms|s|min|h)?", Pattern.CASE_INSENSITIVE);

	/**
	 * The defaults: 5 s lock timeout, 3 retries, no statement timeout.
	 */
	public static final LockTimeouts DEFAULTS = new LockTimeouts(Duration.ofSeconds(5), 3, null, Duration.ofSeconds(1));

	/**
	 * No lock timeout and no retry: the server's settings apply.
	 */
	public static final LockTimeouts NONE = new LockTimeouts(null, 0, null, Duration.ofSeconds(1));

	/**
	 * Validate the values.
	 */
	public LockTimeouts {
		if (retries < 0) {
			throw new IllegalArgumentException("lock retries must be 0 or more, not " + retries);
		}
		if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
			lockTimeout = null;
		}
		if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
			statementTimeout = null;
		}
	}

	/**
	 * Whether a header value is a lock timeout PostgreSQL accepts, such as {@code 30s},
	 * {@code 500ms} or {@code 2min}.
	 * @param value the header's value
	 * @return {@code true} if valid
	 */
	public static boolean isValidHeader(String value) {
		return POSTGRES_DURATION.matcher(value.trim()).matches();
	}

	/**
	 * The pause before a retry.
	 * @param retry the retry, from 1
	 * @return the pause: the backoff doubled for each retry after the first, at most 30 s
	 */
	Duration pauseBefore(int retry) {
		long millis = this.backoff.toMillis() << Math.min(retry - 1, 10);
		return Duration.ofMillis(Math.min(millis, 30_000));
	}

	/**
	 * A PostgreSQL duration as a header gives it ({@code 500ms}, {@code 30s},
	 * {@code 2min}, {@code 1h}; a bare number is milliseconds).
	 */
	static Duration parse(String value) {
		java.util.regex.Matcher matcher = Pattern.compile("(\\d+)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE)
			.matcher(value.trim());
		if (!matcher.matches()) {
			return Duration.ZERO;
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2).toLowerCase(java.util.Locale.ROOT)) {
			case "s" -> Duration.ofSeconds(amount);
			case "min" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	static String postgres(Duration duration) {
		return duration.toMillis() + "ms";
	}

}
