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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * Decides what a run does to a database in a given status, or refuses: baseline, stamp,
 * upgrade or downgrade. Reads the status only; the session executes the plan.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Planner {

	private static final Logger logger = LoggerFactory.getLogger(Planner.class);

	private final MigrationSettings settings;

	private final String historyTable;

	private final String propertyPrefix;

	Planner(MigrationSettings settings, String historyTable, String propertyPrefix) {
		this.settings = settings;
		this.historyTable = historyTable;
		this.propertyPrefix = propertyPrefix;
	}

	Plan plan(MigrationStatus status, RevisionGraph graph, Request.Resolved request) {
		Request.Origin origin = request.origin();
		Revision stamp = request.stamp();
		failOnChecksumMismatch(status);
		// A half-applied revision may be completed by stamping it: its missing change
		// sets are recorded.
		Set<String> stamped = (stamp != null) ? ids(graph.upTo(stamp.id())) : Set.of();
		status.partial()
			.stream()
			.filter((revision) -> !stamped.contains(revision.revision()))
			.findFirst()
			.ifPresent((revision) -> {
				throw MigrationFailures.partial(revision, this.historyTable, origin);
			});
		checkUnknown(status);
		checkOutOfOrder(status, graph);
		List<Revision> toBaseline = List.of();
		if (request.baseline() != null) {
			toBaseline = baselineWork(status, graph, request.baseline(), origin);
		}
		else if (status.state() == DatabaseState.UNMANAGED && stamp == null) {
			throw MigrationFailures.unmanaged(status, this.historyTable, origin);
		}
		List<Revision> toStamp = (stamp != null) ? stampWork(status, graph, stamp, toBaseline, origin) : List.of();
		List<Revision> toRevert = revertWork(status, graph, request);
		Set<String> recordedNow = new HashSet<>(ids(toBaseline));
		recordedNow.addAll(ids(toStamp));
		List<Revision> toApply = status.pending()
			.stream()
			.filter((revision) -> !recordedNow.contains(revision.revision()))
			.map((revision) -> graph.find(new RevisionId(revision.revision())))
			.toList();
		if (request.request().operation() == Request.Operation.DOWNGRADE && !toApply.isEmpty()) {
			throw new MigrationException(
					"A downgrade to " + request.targetName() + " would apply revision(s) "
							+ ids(toApply).stream().sorted().collect(Collectors.joining(", "))
							+ " that are not recorded: " + "a downgrade only reverses. Nothing was written.",
					"Upgrade to " + request.targetName()
							+ " instead, or downgrade to a revision the database records.");
		}
		return new Plan(toBaseline, toStamp, toApply, toRevert);
	}

	private List<Revision> revertWork(MigrationStatus status, RevisionGraph graph, Request.Resolved request) {
		Revision target = request.target();
		boolean toBase = request.request().target() != null && request.request().target().isBase();
		if (target == null && !toBase) {
			return List.of();
		}
		Set<String> wanted = (target != null) ? ids(graph.upTo(target.id())) : Set.of();
		List<RevisionStatus> beyond = status.history()
			.stream()
			.filter((revision) -> revision.state().isRecorded() && !wanted.contains(revision.revision()))
			.filter((revision) -> graph.contains(new RevisionId(revision.revision())))
			.toList();
		if (beyond.isEmpty()) {
			return List.of();
		}
		String ids = beyond.stream().map(RevisionStatus::revision).collect(Collectors.joining(", "));
		if (!request.request().allowDowngrade()) {
			throw new MigrationException(
					"The database is at revision " + status.current() + ", above the target " + request.targetName()
							+ " (revisions " + ids + " are recorded). Nothing was written.",
					(request.origin() == Request.Origin.PROPERTIES)
							? "Set migrations.target=head, or to downgrade set migrations.allow-downgrade=true together "
									+ "with migrations.target=" + request.targetName() + "."
							: "An upgrade never reverses revisions: upgrade to head, or downgrade to "
									+ request.targetName() + ".");
		}
		List<Revision> revert = new ArrayList<>(graph.ordered()
			.stream()
			.filter((revision) -> beyond.stream().anyMatch((b) -> b.revision().equals(revision.id().value())))
			.toList());
		Collections.reverse(revert);
		List<String> refused = new ArrayList<>();
		Map<String, RevisionState> states = new HashMap<>();
		for (RevisionStatus revision : beyond) {
			states.put(revision.revision(), revision.state());
			if (revision.state() == RevisionState.BASELINE || revision.state() == RevisionState.STAMPED
					|| revision.state() == RevisionState.ADOPTED) {
				refused.add(revision.revision() + " is " + revision.state());
			}
		}
		if (!refused.isEmpty()) {
			// Completed with the reverse SQL of every revision in the range by the run,
			// which can read it.
			throw new DowngradeRefusal(revert, states, request.targetName(), refused);
		}
		return revert;
	}

	private List<Revision> baselineWork(MigrationStatus status, RevisionGraph graph, Revision baseline,
			Request.Origin origin) {
		List<Revision> upTo = graph.upTo(baseline.id());
		String setting = origin.name("migrations.baseline.revision=", "Baseline ") + baseline.id();
		if (status.state() == DatabaseState.EMPTY) {
			logger.info("{} is ignored: the database is empty, so every revision runs", setting);
			return List.of();
		}
		if (status.history().isEmpty()) {
			return upTo;
		}
		Set<String> baselined = status.history()
			.stream()
			.filter((revision) -> revision.state() == RevisionState.BASELINE)
			.map(RevisionStatus::revision)
			.collect(Collectors.toSet());
		if (baselined.equals(ids(upTo))) {
			return List.of();
		}
		throw new MigrationException(
				setting + " was asked, but the database " + status.database().url()
						+ " already has a migration history (current revision " + Migrator.orBase(status.current())
						+ ") that does not match a baseline at " + baseline.id() + ". Nothing was written.",
				"Baselining adopts a database without history only"
						+ origin.name(": remove migrations.baseline.revision", "") + ". To record further revisions "
						+ "as applied without running them, " + origin.name("use migrations.stamp", "stamp them")
						+ ".");
	}

	private List<Revision> stampWork(MigrationStatus status, RevisionGraph graph, Revision stamp,
			List<Revision> baselined, Request.Origin origin) {
		if (status.state() == DatabaseState.EMPTY) {
			logger.warn("{}{} is ignored: the database is empty, so revisions are applied, not stamped",
					origin.name("migrations.stamp=", "Stamp "), stamp.id());
			return List.of();
		}
		Set<String> recorded = status.history()
			.stream()
			.filter((revision) -> revision.state().isRecorded())
			.map(RevisionStatus::revision)
			.collect(Collectors.toSet());
		recorded.addAll(ids(baselined));
		return graph.upTo(stamp.id()).stream().filter((revision) -> !recorded.contains(revision.id().value())).toList();
	}

	void failOnChecksumMismatch(MigrationStatus status) {
		if (!status.checksumMismatches().isEmpty()) {
			throw MigrationFailures.checksumMismatch(status.checksumMismatches(), this.historyTable);
		}
	}

	void failOnPartial(MigrationStatus status, Request.Origin origin) {
		if (!status.partial().isEmpty()) {
			throw MigrationFailures.partial(status.partial().get(0), this.historyTable, origin);
		}
		InterruptedRevision interrupted = status.interrupted();
		if (interrupted != null) {
			throw new MigrationException(interrupted.description() + " Nothing was written.", interrupted.action());
		}
	}

	void checkUnknown(MigrationStatus status) {
		List<RevisionStatus> unknown = status.unknown();
		if (unknown.isEmpty()) {
			return;
		}
		String ids = unknown.stream().map(RevisionStatus::revision).collect(Collectors.joining(", "));
		if (this.settings.onUnknownRevisions() == UnknownRevisionsAction.FAIL) {
			throw new MigrationException(
					"The database " + status.database().url() + " records revision(s) " + ids
							+ " that this application does not have: it is ahead of the code. Nothing was written.",
					"Deploy the application version that has revision(s) " + ids + ", or set "
							+ "migrations.on-unknown-revisions=warn to start anyway (rolling deploys).");
		}
		if (!status.pending().isEmpty()) {
			throw new MigrationException(
					"The database records revision(s) " + ids + " that this application does not have, and this "
							+ "application has pending revision(s) "
							+ status.pending().stream().map(RevisionStatus::revision).collect(Collectors.joining(", "))
							+ ": the histories have diverged. Nothing was written.",
					"Deploy an application version that contains both sets of revisions (merge the branches).");
		}
		logger.warn("The database {} records revision(s) {} that this application does not have: it is ahead of the "
				+ "code (an older version during a rolling deploy?). Starting anyway ({}.on-unknown-revisions=warn)",
				status.database().url(), ids, this.propertyPrefix);
	}

	/**
	 * Fail on a pending revision that a recorded revision follows, unless out-of-order
	 * runs are allowed: then log it.
	 * @param status the status
	 * @param graph the revisions
	 */
	void checkOutOfOrder(MigrationStatus status, RevisionGraph graph) {
		List<RevisionStatus> outOfOrder = status.outOfOrder();
		if (outOfOrder.isEmpty()) {
			return;
		}
		if (!this.settings.outOfOrder()) {
			throw MigrationFailures.outOfOrder(status, outOfOrder, graph);
		}
		for (RevisionStatus revision : outOfOrder) {
			logger.warn(
					"Revision {} ({}) runs out of order: revision(s) {} that follow it are already recorded "
							+ "(migrations.out-of-order=true)",
					revision.revision(), revision.file(),
					String.join(", ", MigrationFailures.recordedAbove(status, revision, graph)));
		}
	}

	static Set<String> ids(List<Revision> revisions) {
		return revisions.stream().map((revision) -> revision.id().value()).collect(Collectors.toSet());
	}

	/**
	 * What a run does.
	 *
	 * @param baseline revisions to record as BASELINE
	 * @param stamp revisions to record as STAMPED
	 * @param apply revisions to execute, in order
	 * @param revert revisions to reverse, newest first
	 */
	record Plan(List<Revision> baseline, List<Revision> stamp, List<Revision> apply, List<Revision> revert) {

		boolean isEmpty() {
			return this.baseline.isEmpty() && this.stamp.isEmpty() && this.apply.isEmpty() && this.revert.isEmpty();
		}

		int recorded() {
			return this.baseline.size() + this.stamp.size();
		}

	}

}
