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

package dev.migrations.internal.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.migrations.MigrationException;
import dev.migrations.RevisionId;

/**
 * The revisions of an application, ordered by their parents ({@code down_revision}).
 * Heads are revisions that no other revision follows; more than one head is a conflict.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class RevisionGraph {

	/** The target name for the latest revision. */
	public static final String HEAD = "head";

	private final Map<RevisionId, Revision> byId = new TreeMap<>();

	private final List<Revision> ordered;

	private final List<RevisionId> heads;

	/**
	 * Build the graph.
	 * @param revisions the revisions, each with its parents
	 * @throws MigrationException if a parent is unknown or the parents form a cycle
	 */
	public RevisionGraph(Collection<Revision> revisions) {
		for (Revision revision : revisions) {
			this.byId.put(revision.id(), revision);
		}
		Set<RevisionId> withChildren = new TreeSet<>();
		for (Revision revision : revisions) {
			for (RevisionId parent : revision.parents()) {
				if (!this.byId.containsKey(parent)) {
					throw new MigrationException(
							"Revision " + revision.id() + " (" + revision.file() + ") names down_revision " + parent
									+ ", which does not exist",
							"Correct the down_revision header of " + revision.file() + " to an existing revision.");
				}
				withChildren.add(parent);
			}
		}
		this.ordered = topologicalOrder();
		this.heads = this.ordered.stream().map(Revision::id).filter((id) -> !withChildren.contains(id)).toList();
	}

	private List<Revision> topologicalOrder() {
		Map<RevisionId, Integer> waitingFor = new TreeMap<>();
		Map<RevisionId, List<Revision>> children = new TreeMap<>();
		PriorityQueue<Revision> ready = new PriorityQueue<>((a, b) -> a.id().compareTo(b.id()));
		for (Revision revision : this.byId.values()) {
			waitingFor.put(revision.id(), revision.parents().size());
			for (RevisionId parent : revision.parents()) {
				children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(revision);
			}
			if (revision.parents().isEmpty()) {
				ready.add(revision);
			}
		}
		List<Revision> result = new ArrayList<>();
		while (!ready.isEmpty()) {
			Revision next = ready.poll();
			result.add(next);
			for (Revision child : children.getOrDefault(next.id(), List.of())) {
				if (waitingFor.merge(child.id(), -1, Integer::sum) == 0) {
					ready.add(child);
				}
			}
		}
		if (result.size() != this.byId.size()) {
			String cycle = this.byId.keySet()
				.stream()
				.filter((id) -> waitingFor.get(id) > 0)
				.map(RevisionId::value)
				.collect(Collectors.joining(", "));
			throw new MigrationException("The down_revision headers of revisions " + cycle + " form a cycle",
					"Correct the down_revision headers so that every revision follows an older one.");
		}
		return List.copyOf(result);
	}

	/**
	 * All revisions, parents before children, in natural order where the graph allows.
	 * @return the revisions
	 */
	public List<Revision> ordered() {
		return this.ordered;
	}

	/**
	 * The revisions that no other revision follows.
	 * @return the heads
	 */
	public List<RevisionId> heads() {
		return this.heads;
	}

	/**
	 * Whether the graph has more than one head.
	 * @return {@code true} on a conflict
	 */
	public boolean hasConflict() {
		return this.heads.size() > 1;
	}

	/**
	 * Fail if the graph has more than one head.
	 * @throws MigrationException naming the heads and their files
	 */
	public void requireSingleHead() {
		if (hasConflict()) {
			String files = this.heads.stream()
				.map((id) -> id + " (" + this.byId.get(id).file() + ")")
				.collect(Collectors.joining(", "));
			String ids = this.heads.stream().map(RevisionId::value).collect(Collectors.joining(", "));
			throw new MigrationException(
					"The revisions have " + this.heads.size() + " heads: " + files
							+ ". Two branches of revisions were added independently.",
					"Add a merge revision whose header is '-- down_revision: " + ids
							+ "', or renumber one branch to follow the other. Nothing was written to the database.");
		}
	}

	/**
	 * Find a revision by id ({@code 18} finds {@code 018}).
	 * @param id the id
	 * @return the revision, or {@code null}
	 */
	public Revision find(RevisionId id) {
		return this.byId.get(id);
	}

	/**
	 * Whether a revision with this id exists.
	 * @param id the id
	 * @return {@code true} if it exists
	 */
	public boolean contains(RevisionId id) {
		return this.byId.containsKey(id);
	}

	/**
	 * The revision and everything it follows, parents first.
	 * @param id the revision
	 * @return the revisions up to and including it
	 */
	public List<Revision> upTo(RevisionId id) {
		Set<RevisionId> wanted = new HashSet<>();
		Deque<Revision> toVisit = new ArrayDeque<>();
		Revision start = this.byId.get(id);
		if (start != null) {
			toVisit.push(start);
		}
		// Iterative: a chain of thousands of revisions must not overflow the stack.
		while (!toVisit.isEmpty()) {
			Revision revision = toVisit.pop();
			if (wanted.add(revision.id())) {
				for (RevisionId parent : revision.parents()) {
					toVisit.push(this.byId.get(parent));
				}
			}
		}
		return this.ordered.stream().filter((revision) -> wanted.contains(revision.id())).toList();
	}

}
