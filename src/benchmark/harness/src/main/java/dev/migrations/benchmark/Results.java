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

package dev.migrations.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Every measurement of a run, by cell.
 *
 * @author Migrations for Spring Boot contributors
 */
final class Results {

	static final String NOOP = "noop";

	/**
	 * No-op starts of applications that open their database before the migration step.
	 */
	static final String NOOP_OPEN = "noop-open";

	static final String APPLY = "apply";

	private final Map<Key, List<Measurement>> measurements = new LinkedHashMap<>();

	private final Map<Key, String> failures = new LinkedHashMap<>();

	private final List<EndpointLatency.Result> endpoints = new ArrayList<>();

	private final List<String> loadSamples = new ArrayList<>();

	private final Map<String, List<Pair>> pairs = new LinkedHashMap<>();

	void add(String database, Pair pair) {
		this.pairs.computeIfAbsent(database, (k) -> new ArrayList<>()).add(pair);
	}

	List<Pair> pairs(String database) {
		return this.pairs.getOrDefault(database, List.of());
	}

	void add(Key key, Measurement measurement) {
		this.measurements.computeIfAbsent(key, (k) -> new ArrayList<>()).add(measurement);
	}

	void fail(Key key, String message) {
		this.failures.putIfAbsent(key, message);
	}

	void add(EndpointLatency.Result result) {
		this.endpoints.add(result);
	}

	void sampleLoad(String when) {
		this.loadSamples.add(when + ": " + Machine.loadAverage());
	}

	List<String> loadSamples() {
		return this.loadSamples;
	}

	List<EndpointLatency.Result> endpoints() {
		return this.endpoints;
	}

	Map<Key, String> failures() {
		return this.failures;
	}

	Optional<Stats> stats(Key key, ToDoubleFunction<Measurement> metric) {
		List<Measurement> list = this.measurements.get(key);
		if (list == null || list.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Stats.of(list.stream().map(metric::applyAsDouble).toList()));
	}

	Optional<String> failure(Key key) {
		return Optional.ofNullable(this.failures.get(key));
	}

	/**
	 * One round of the paired cell: the same no-op start four ways, one right after the
	 * other.
	 *
	 * @param starter this starter's application
	 * @param switchedOff the same application switched off by {@code --pairs-off}
	 * ({@code migrations.enabled=false} by default: the starter on the class path, doing
	 * nothing)
	 * @param without the application without the starter (with the actuator, as the
	 * starter's application)
	 * @param floor the application without the starter doing by hand the least a safe
	 * no-op check does ({@link dev.migrations.benchmark.app.FloorCheck}) on the starter's
	 * database and revisions
	 */
	record Pair(Measurement starter, Measurement switchedOff, Measurement without, Measurement floor) {
	}

	/**
	 * One cell of the matrix.
	 *
	 * @param scenario {@link #NOOP}, {@link #NOOP_OPEN} or {@link #APPLY}
	 * @param database {@code h2} or {@code postgresql}
	 * @param revisions the number of revisions
	 * @param variant the variant
	 */
	record Key(String scenario, String database, int revisions, Variant variant) {
	}

}
