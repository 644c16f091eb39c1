package dev.migrations.runner;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrations.MigrationException;
import dev.migrations.revision.Revision;
import dev.migrations.revision.RevisionGraph;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A revision source whose graph is built on a background thread as soon as it is created, so that reading and
 * checksumming the files overlaps with the rest of the application's startup instead of adding to it. The first
 * {@link #graph()} waits for that work and returns its result (or throws its failure, the same a direct read
 * raises); every later call, and {@link #revisions()}, reads the source again. The preloaded graph is used once,
 * by the run it was started for.
 */
public final class PreloadedRevisionSource implements RevisionSource {

	private static final Logger logger = LoggerFactory.getLogger(PreloadedRevisionSource.class);

	private final RevisionSource source;

	// Taken by the first graph() or let go by discard(): used once, and no revision texts kept that are not needed.
	private final AtomicReference<@Nullable CompletableFuture<RevisionGraph>> preloaded = new AtomicReference<>(
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
		// The thread gets the future itself: the field may be released before the thread runs.
		CompletableFuture<RevisionGraph> result = preloaded.preloaded.get();
		Thread reader = new Thread(() -> preloaded.preload(result), "migrations-revision-preload");
		reader.setDaemon(true);
		reader.start();
		return preloaded;
	}

	private void preload(CompletableFuture<RevisionGraph> result) {
		try {
			result.complete(this.source.graph());
		}
		catch (Throwable ex) {
			result.completeExceptionally(ex);
		}
	}

	/**
	 * Forget the background work: the next {@link #graph()} reads the source. For a context whose migrator did not
	 * use it (the auto-configuration backed off, or a migrator of the application's own).
	 */
	public void discard() {
		this.preloaded.set(null);
	}

	@Override
	public List<Revision> revisions() {
		return this.source.revisions();
	}

	@Override
	public RevisionGraph graph() {
		CompletableFuture<RevisionGraph> result = this.preloaded.getAndSet(null);
		if (result == null) {
			return this.source.graph();
		}
		try {
			RevisionGraph graph = result.get();
			logger.debug("Using the {} revisions of {} read in the background", graph.ordered().size(), describe());
			return graph;
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

}
