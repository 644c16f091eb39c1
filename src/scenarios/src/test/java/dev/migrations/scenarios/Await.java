package dev.migrations.scenarios;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a timeout passes: scenarios wait for what the
 * database or a process shows, never for a fixed time.
 */
final class Await {

	private static final long POLL_MILLIS = 50;

	private Await() {
	}

	static void until(Duration timeout, String what, BooleanSupplier condition) {
		until(timeout, what, condition, () -> "");
	}

	static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> diagnostics) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"Timed out after " + timeout + " waiting until " + what + "\n" + diagnostics.get());
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
