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

package dev.migrations.internal.runner;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationException;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.internal.revision.RevisionIndex;

/**
 * A revision source whose work starts on a background thread as soon as it is created, so
 * that it overlaps with the rest of the application's startup instead of adding to it:
 * first the check of the revision index written at build time (from the files' metadata,
 * no file read); only if that index does not hold, reading and checksumming the files
 * into the graph. {@link #verifiedIndex()} and the first {@link #graph()} wait for that
 * work and return its result (the graph, or the failure a direct read raises); every
 * later call, and {@link #revisions()}, reads the source again. The preloaded graph is
 * used once, by the run it was started for.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class PreloadedRevisionSource implements RevisionSource {

	private static final Logger logger = LoggerFactory.getLogger(PreloadedRevisionSource.class);

	private final RevisionSource source;

	// Taken by the first graph() or let go by discard(): used once, and no revision texts
	// kept that are not needed.
	private final AtomicReference<@Nullable CompletableFuture<Preload>> preloaded = new AtomicReference<>(
			new CompletableFuture<>());

	private PreloadedRevisionSource(RevisionSource source) {
		this.source = source;
	}

	/**
	 * Start building a source's revision graph in the background, on a daemon thread.
	 * @param source the source to read
	 * @return a source that answers the first {@link #graph()} from the background work
	 */
	public static PreloadedRevisionSource start(RevisionSource source) {
		PreloadedRevisionSource preloaded = new PreloadedRevisionSource(source);
		// The thread gets the future itself: the field may be released before the thread
		// runs.
		CompletableFuture<Preload> result = preloaded.preloaded.get();
		Thread reader = new Thread(() -> preloaded.preload(result), "migrations-revision-preload");
		reader.setDaemon(true);
		reader.start();
		return preloaded;
	}

	private void preload(CompletableFuture<Preload> result) {
		try {
			RevisionIndex index = this.source.verifiedIndex();
			// With an index that holds, a start at the head reads no file: the graph is
			// read only if it is needed.
			result.complete((index != null) ? new Preload(index, null) : new Preload(null, this.source.graph()));
		}
		catch (Throwable ex) {
			result.completeExceptionally(ex);
		}
	}

	/**
	 * Forget the background work: the next {@link #graph()} reads the source. For a
	 * context whose migrator did not use it (the auto-configuration backed off, or a
	 * migrator of the application's own).
	 */
	public void discard() {
		this.preloaded.set(null);
	}

	@Override
	public List<Revision> revisions() {
		return this.source.revisions();
	}

	@Override
	public @Nullable RevisionIndex verifiedIndex() {
		CompletableFuture<Preload> result = this.preloaded.get();
		if (result == null) {
			return this.source.verifiedIndex();
		}
		try {
			return await(result).index();
		}
		catch (RuntimeException ex) {
			// Reading the files failed: graph() reports it.
			return null;
		}
	}

	@Override
	public RevisionGraph graph() {
		CompletableFuture<Preload> result = this.preloaded.getAndSet(null);
		if (result == null) {
			return this.source.graph();
		}
		RevisionGraph graph = await(result).graph();
		if (graph == null) {
			return this.source.graph();
		}
		logger.debug("Using the {} revisions of {} read in the background", graph.ordered().size(), describe());
		return graph;
	}

	private Preload await(CompletableFuture<Preload> result) {
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while reading the revisions of " + describe(),
					"Restart the application.", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public String describe() {
		return this.source.describe();
	}

	/**
	 * What the background work found: an index that holds, or else the graph read from
	 * the files.
	 */
	private record Preload(@Nullable RevisionIndex index, @Nullable RevisionGraph graph) {
	}

}
