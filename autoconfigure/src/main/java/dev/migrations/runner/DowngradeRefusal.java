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
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;
import dev.migrations.internal.engine.Reversal;
import dev.migrations.internal.revision.Revision;

/**
 * A downgrade that cannot run, with everything in its range that blocks it: revisions
 * never executed by migrations (baselined, stamped, adopted) and revisions without
 * reverse SQL, each with its reason, and the lowest target that would work, if any.
 *
 * @author Migrations for Spring Boot contributors
 */
final class DowngradeRefusal extends MigrationException {

	private final List<Revision> range;

	private final Map<String, RevisionState> states;

	private final String targetName;

	/**
	 * A refusal found from the states alone, before the reverse SQL is looked at.
	 * @param range the revisions the downgrade would reverse, newest first
	 * @param states the recorded state of each by id
	 * @param targetName the target as requested
	 * @param reasons the revisions refused by their state
	 */
	DowngradeRefusal(List<Revision> range, Map<String, RevisionState> states, String targetName, List<String> reasons) {
		super("Cannot downgrade to " + targetName + ": " + String.join("; ", reasons) + ". Nothing was written.",
				"Choose a target at or above the newest baselined, stamped or adopted revision.");
		this.range = range;
		this.states = states;
		this.targetName = targetName;
	}

	/**
	 * The refusal with the reverse SQL of every revision in the range looked at too.
	 * @param reversal how a revision is reversed
	 * @return the full refusal
	 */
	MigrationException complete(Function<Revision, Reversal> reversal) {
		MigrationException full = describe(this.range, this.states, this.targetName, reversal);
		return (full != null) ? full : this;
	}

	/**
	 * Everything that blocks a downgrade, or {@code null} when nothing does.
	 * @param range the revisions to reverse, newest first
	 * @param states the recorded state of each by id (absent: applied)
	 * @param targetName the target as requested, or {@code null} if not known
	 * @param reversal how a revision is reversed
	 * @return the failure, or {@code null}
	 */
	static @Nullable MigrationException describe(List<Revision> range, Map<String, RevisionState> states,
			@Nullable String targetName, Function<Revision, Reversal> reversal) {
		List<String> blockers = new ArrayList<>();
		Revision lowestWorking = null;
		boolean blocked = false;
		for (Revision revision : range) {
			String reason = reason(revision, states.getOrDefault(revision.id().value(), RevisionState.APPLIED),
					reversal);
			if (reason != null) {
				blockers.add(0, revision.id() + " (" + fileName(revision) + "): " + reason);
				if (!blocked) {
					lowestWorking = revision;
				}
				blocked = true;
			}
		}
		if (blockers.isEmpty()) {
			return null;
		}
		String newest = range.get(0).id().value();
		String working = (lowestWorking != null) ? lowestWorking.id().value() : null;
		String action;
		if (newest.equals(working)) {
			action = "No target below " + newest + " works: " + newest + " itself cannot be reversed. Add the missing "
					+ "downgrades (a <revision>_<slug>.down.sql file, or a rollback block in the changelog) where that "
					+ "helps, or restore a backup taken before the revisions to undo.";
		}
		else {
			action = "The lowest target that works is " + working + " (it reverses only the revisions above it). "
					+ "To go lower, add the missing downgrades (a <revision>_<slug>.down.sql file, or a rollback "
					+ "block in the changelog); a baselined, stamped or adopted revision is never reversed: restore "
					+ "a backup taken before it instead.";
		}
		return new MigrationException("Cannot downgrade" + ((targetName != null) ? " to " + targetName : "") + ": "
				+ blockers.size() + " revision(s) in the range cannot be reversed: " + String.join("; ", blockers)
				+ ". Nothing was written.", action);
	}

	private static String fileName(Revision revision) {
		String file = String.valueOf(revision.file());
		return file.substring(file.lastIndexOf('/') + 1);
	}

	private static @Nullable String reason(Revision revision, RevisionState state,
			Function<Revision, Reversal> reversal) {
		return switch (state) {
			case BASELINE -> "part of the baseline, the floor a downgrade cannot cross";
			case STAMPED -> "stamped, never executed by migrations, so its reverse SQL is not run";
			case ADOPTED ->
				"adopted from another tool's history, never executed by migrations, so its reverse SQL " + "is not run";
			default -> {
				Reversal how = reversal.apply(revision);
				yield how.reversible() ? null : how.how();
			}
		};
	}

}
