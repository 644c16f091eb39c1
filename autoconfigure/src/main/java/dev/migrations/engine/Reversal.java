package dev.migrations.engine;

import org.jspecify.annotations.Nullable;

/**
 * Whether and how a change set or revision can be reversed.
 *
 * @param reversible whether it can be reversed
 * @param how how it is reversed ({@code 018_x.down.sql}, a rollback block, Liquibase's
 * automatic inverse), or why not
 */
public record Reversal(boolean reversible, String how) {

	static Reversal by(String how) {
		return new Reversal(true, how);
	}

	static Reversal impossible(String why) {
		return new Reversal(false, why);
	}

	static Reversal combine(Reversal first, @Nullable Reversal second) {
		if (second == null) {
			return first;
		}
		if (!first.reversible()) {
			return first;
		}
		if (!second.reversible()) {
			return second;
		}
		return first.how().equals(second.how()) ? first : by(first.how() + "; " + second.how());
	}

}
