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

import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's table lock modes, weakest first.
 *
 * @author Migrations for Spring Boot contributors
 */
final class LockModes {

	static final List<String> ORDER = List.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
			"SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

	/**
	 * The weakest mode that blocks writes ({@code INSERT}, {@code UPDATE},
	 * {@code DELETE}).
	 */
	static final int SHARE = ORDER.indexOf("SHARE");

	/** The weakest mode worth reporting: it conflicts with other schema changes. */
	static final int SHARE_UPDATE_EXCLUSIVE = ORDER.indexOf("SHARE UPDATE EXCLUSIVE");

	private LockModes() {
	}

	/**
	 * A mode as {@code pg_locks} names it ({@code AccessExclusiveLock}) in PostgreSQL's
	 * words ({@code ACCESS EXCLUSIVE}).
	 * @param pgLocksMode the pg locks mode
	 * @return the string
	 */
	static String name(String pgLocksMode) {
		return pgLocksMode.replaceAll("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
	}

	static int strength(String mode) {
		return ORDER.indexOf(mode);
	}

}
