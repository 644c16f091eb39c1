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

package dev.migrations.internal.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches, from a connection of its own, what the migration session waits for while a
 * revision runs: the lock it wants, on which table, and the sessions that hold it
 * ({@code pg_blocking_pids}). The connection is opened only once a revision has run for a
 * while, so a quick revision costs nothing.
 *
 * @author Migrations for Spring Boot contributors
 */
final class LockWaitObserver implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LockWaitObserver.class);

	private static final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "migrations-lock-wait-observer");
		thread.setDaemon(true);
		return thread;
	});

	private static final String QUERY = """
			SELECT w.mode, w.locktype, n.nspname, c.relname, b.pid, b.application_name, b.state,
			       CAST(EXTRACT(EPOCH FROM now() - b.xact_start) AS bigint),
			       left(regexp_replace(b.query, '\\s+', ' ', 'g'), 60)
			FROM pg_locks w
			LEFT JOIN pg_class c ON c.oid = w.relation
			LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
			CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid)
			JOIN pg_stat_activity b ON b.pid = bp.pid
			WHERE w.pid = ? AND NOT w.granted""";

	private final DataSource connections;

	private @Nullable Connection connection;

	private volatile @Nullable LockWait last;

	LockWaitObserver(DataSource connections) {
		this.connections = connections;
	}

	/**
	 * Watch a backend until the returned handle is closed.
	 * @param pid the migration session's backend
	 * @param lockTimeout its lock timeout: the first look is taken a third of it in
	 * @return the handle
	 */
	AutoCloseable watch(int pid, Duration lockTimeout) {
		long first = Math.max(20, Math.min(lockTimeout.toMillis() / 3, 1000));
		long every = Math.max(20, Math.min(lockTimeout.toMillis() / 4, 500));
		ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> look(pid), first, every,
				TimeUnit.MILLISECONDS);
		return () -> task.cancel(false);
	}

	/**
	 * The last wait seen, if any.
	 * @return the wait, or {@code null}
	 */
	@Nullable LockWait last() {
		return this.last;
	}

	private synchronized void look(int pid) {
		try {
			if (this.connection == null) {
				this.connection = this.connections.getConnection();
				this.connection.setAutoCommit(true);
			}
			try (PreparedStatement statement = this.connection.prepareStatement(QUERY)) {
				statement.setInt(1, pid);
				try (ResultSet result = statement.executeQuery()) {
					String mode = null;
					String table = null;
					List<String> blockers = new ArrayList<>();
					while (result.next()) {
						mode = result.getString(1);
						String locktype = result.getString(2);
						table = (result.getString(4) != null) ? result.getString(3) + "." + result.getString(4)
								: "a " + locktype + " lock";
						blockers.add("pid " + result.getInt(5) + " (application '" + result.getString(6) + "', "
								+ result.getString(7) + ", transaction open " + result.getLong(8) + " s, query '"
								+ result.getString(9) + "…')");
					}
					if (mode != null) {
						this.last = new LockWait(lockName(mode), table, blockers);
					}
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not observe the lock wait of backend {}", pid, ex);
		}
	}

	static String lockName(String mode) {
		// AccessExclusiveLock -> ACCESS EXCLUSIVE
		String words = mode.replaceAll("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
		return words.toUpperCase(Locale.ROOT);
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the lock wait observer's connection", ex);
			}
			this.connection = null;
		}
	}

	/**
	 * A lock the migration session waited for.
	 *
	 * @param mode the lock mode in PostgreSQL's words, such as {@code ACCESS EXCLUSIVE}
	 * @param table the table, schema-qualified, or the kind of lock
	 * @param blockers the sessions holding it
	 */
	record LockWait(String mode, String table, List<String> blockers) {

		String describe() {
			return this.mode + " on " + this.table + ", held by "
					+ (this.blockers.isEmpty() ? "a session that ended meanwhile" : String.join("; ", this.blockers));
		}

	}

}
