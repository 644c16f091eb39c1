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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a run has done so far: kept while it runs, so that a run that fails half-way still
 * reports the revisions it applied and the backup it took.
 *
 * @author Migrations for Spring Boot contributors
 */
final class RunProgress {

	private final Instant started;

	private @Nullable String from;

	private @Nullable String current;

	private final List<String> applied = new ArrayList<>();

	private final List<String> reverted = new ArrayList<>();

	private final List<String> recorded = new ArrayList<>();

	private @Nullable String backup;

	private boolean writing;

	RunProgress(Instant started) {
		this.started = started;
	}

	Instant started() {
		return this.started;
	}

	void start(@Nullable String revision) {
		this.from = revision;
		this.current = revision;
	}

	/**
	 * The run got past its checks and is about to write: from here a refusal (a lock or
	 * backup that could not be had) is a run's outcome, not a refused request.
	 */
	void writing() {
		this.writing = true;
	}

	boolean isWriting() {
		return this.writing;
	}

	@Nullable String current() {
		return this.current;
	}

	void backup(String file) {
		this.backup = file;
	}

	void recorded(String revision) {
		this.recorded.add(revision);
		this.current = revision;
	}

	void applied(String revision) {
		this.applied.add(revision);
		this.current = revision;
	}

	void reverted(String revision, @Nullable String below) {
		this.reverted.add(revision);
		this.current = below;
	}

	List<String> applied() {
		return this.applied;
	}

	List<String> reverted() {
		return this.reverted;
	}

	List<String> recordedRevisions() {
		return this.recorded;
	}

	RunReport report(RunReport.Outcome outcome, @Nullable String error) {
		return new RunReport(this.started, Duration.between(this.started, Instant.now()).toMillis(), this.from,
				this.current, List.copyOf(this.applied), List.copyOf(this.reverted), List.copyOf(this.recorded),
				this.backup, outcome, error);
	}

}
