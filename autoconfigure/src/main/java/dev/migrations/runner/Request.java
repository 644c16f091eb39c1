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

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * One operation asked of a migrator, from its properties at startup or from a call (code,
 * endpoint, command). Where it came from decides only how failures name things: a
 * property by its name, a call by its operation.
 *
 * @param operation what was asked
 * @param target where to take the database, or {@code null} for a stamp's or baseline's
 * own revision
 * @param stamp revisions up to this one are recorded as applied without running, or
 * {@code null}
 * @param baseline revisions up to this one are recorded as the baseline of an unmanaged
 * database, or {@code null}
 * @param allowDowngrade whether revisions above the target are reversed
 * @param repair a revision whose history rows take its file's current checksum first, or
 * {@code null}
 * @param origin where the request came from
 * @author Migrations for Spring Boot contributors
 */
record Request(Operation operation, @Nullable Target target, @Nullable Target stamp, @Nullable Target baseline,
		boolean allowDowngrade, @Nullable Target repair, Origin origin) {

	static Request startup(MigrationSettings settings) {
		// The settings were validated when they were bound: these parse.
		return new Request(Operation.MIGRATE, Target.of(settings.target()),
				(settings.stamp() != null) ? Target.of(settings.stamp()) : null,
				(settings.baselineRevision() != null) ? Target.of(settings.baselineRevision()) : null,
				settings.allowDowngrade(), (settings.repair() != null) ? Target.of(settings.repair()) : null,
				Origin.PROPERTIES);
	}

	/**
	 * A check that the database is at the configured target, asked by a call (the
	 * {@code check} command).
	 */
	static Request check(MigrationSettings settings) {
		Request startup = startup(settings);
		return new Request(Operation.MIGRATE, startup.target(), null, null, false, null, Origin.CALL);
	}

	static Request upgrade(Target target) {
		if (target.isBase()) {
			throw new MigrationException("An upgrade cannot go to 'base'. Nothing was written.",
					"Upgrade to 'head' or to a revision id; to reverse every revision, downgrade to 'base'.");
		}
		return new Request(Operation.UPGRADE, target, null, null, false, null, Origin.CALL);
	}

	static Request downgrade(Target target) {
		if (target.isHead()) {
			throw new MigrationException("A downgrade cannot go to 'head'. Nothing was written.",
					"Downgrade to a revision id (the revisions above it are reversed) or to 'base'; to apply "
							+ "pending revisions, upgrade.");
		}
		return new Request(Operation.DOWNGRADE, target, null, null, true, null, Origin.CALL);
	}

	static Request stamp(Target revision) {
		requireNotBase(revision, "stamp");
		return new Request(Operation.STAMP, null, revision, null, false, null, Origin.CALL);
	}

	static Request baseline(Target revision) {
		requireNotBase(revision, "baseline");
		return new Request(Operation.BASELINE, null, null, revision, false, null, Origin.CALL);
	}

	static Request repair(Target revision) {
		if (revision.kind() != Target.Kind.REVISION) {
			throw new MigrationException(
					"A repair needs the id of one revision, not '" + revision + "'. Nothing was written.",
					"Give the id of the revision whose edit is accepted, such as 005.");
		}
		return new Request(Operation.REPAIR, null, null, null, false, revision, Origin.CALL);
	}

	private static void requireNotBase(Target target, String operation) {
		if (target.isBase()) {
			throw new MigrationException("A " + operation + " needs a revision, not 'base'. Nothing was written.",
					"Give 'head' or a revision id.");
		}
	}

	/**
	 * The request's revisions looked up in the graph.
	 * @param graph the application's revisions, with a single head
	 * @return the resolved request
	 * @throws MigrationException naming the property or operation whose revision does not
	 * exist
	 */
	Resolved resolve(RevisionGraph graph) {
		Revision stampRevision = resolve(graph, this.stamp, "migrations.stamp", "stamp revision");
		Revision baselineRevision = resolve(graph, this.baseline, "migrations.baseline.revision", "baseline revision");
		Revision repairRevision = resolve(graph, this.repair, "migrations.repair", "repair revision");
		Revision targetRevision;
		String targetName;
		if (this.target != null) {
			targetRevision = resolve(graph, this.target, "migrations.target",
					this.operation.name().toLowerCase(java.util.Locale.ROOT) + " target");
			targetName = this.target.toString();
		}
		else {
			targetRevision = (stampRevision != null) ? stampRevision : baselineRevision;
			targetName = (targetRevision != null) ? targetRevision.id().value() : RevisionGraph.HEAD;
		}
		return new Resolved(this, targetRevision, targetName, stampRevision, baselineRevision, repairRevision);
	}

	private @Nullable Revision resolve(RevisionGraph graph, @Nullable Target target, String property, String argument) {
		if (target == null || target.isBase()) {
			return null;
		}
		if (target.isHead()) {
			graph.requireSingleHead();
			return graph.heads().isEmpty() ? null : graph.find(graph.heads().get(0));
		}
		Revision revision = graph.contains(target.revision()) ? graph.find(target.revision()) : null;
		if (revision == null) {
			String known = graph.ordered().isEmpty() ? "there are no revisions" : "known revisions are "
					+ graph.ordered().get(0).id() + " to " + graph.ordered().get(graph.ordered().size() - 1).id();
			String named = (this.origin == Origin.PROPERTIES) ? property + "=" + target
					: "The " + argument + " " + target;
			throw new MigrationException(
					named + " names a revision that does not exist (" + known
							+ "). Nothing was written to the database.",
					(this.origin == Origin.PROPERTIES)
							? "Set " + property + " to 'head' or to the id of an existing revision file."
							: "Give 'head' or the id of an existing revision file (the heads and history commands "
									+ "list them).");
		}
		return revision;
	}

	/**
	 * What was asked of a migrator.
	 */
	enum Operation {

		/** What the properties say, at startup. */
		MIGRATE,

		/** Apply pending revisions up to the target; never reverses. */
		UPGRADE,

		/** Reverse revisions above the target; never applies. */
		DOWNGRADE,

		/** Record revisions as applied without running them. */
		STAMP,

		/** Record revisions as the baseline of a database that has no history. */
		BASELINE,

		/** Accept the edit of an applied revision: record its file's current checksum. */
		REPAIR

	}

	/**
	 * Where a request came from.
	 */
	enum Origin {

		/** The {@code migrations.*} properties, at startup. */
		PROPERTIES,

		/** A call from code, the endpoint or a command. */
		CALL;

		/**
		 * The words that name a setting in a failure: the property, or the operation that
		 * sets it.
		 * @param operation the operation
		 * @param property the property
		 * @return the string
		 */
		String name(String property, String operation) {
			return (this == PROPERTIES) ? property : operation;
		}

	}

	/**
	 * A request with its revisions looked up.
	 *
	 * @param request the request
	 * @param target the target revision; {@code null} for {@code base} or a graph without
	 * revisions
	 * @param targetName the target as the status reports it
	 * @param stamp the stamp revision, or {@code null}
	 * @param baseline the baseline revision, or {@code null}
	 * @param repair the revision to repair, or {@code null}
	 */
	record Resolved(Request request, @Nullable Revision target, String targetName, @Nullable Revision stamp,
			@Nullable Revision baseline, @Nullable Revision repair) {

		Origin origin() {
			return this.request.origin();
		}

	}

}
