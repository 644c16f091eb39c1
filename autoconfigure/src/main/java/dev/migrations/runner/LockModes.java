package dev.migrations.runner;

import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's table lock modes, weakest first.
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
	 */
	static String name(String pgLocksMode) {
		return pgLocksMode.replaceAll("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
	}

	static int strength(String mode) {
		return ORDER.indexOf(mode);
	}

}
