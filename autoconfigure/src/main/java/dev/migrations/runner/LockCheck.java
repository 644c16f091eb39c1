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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.internal.engine.ChangeSetFailedException;
import dev.migrations.internal.engine.CompiledRevision;
import dev.migrations.internal.engine.EngineSettings;
import dev.migrations.internal.engine.MigrationEngine;
import dev.migrations.internal.engine.RevisionExecutor;
import dev.migrations.internal.engine.StatementObserver;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.internal.schema.ScratchDatabase;

/**
 * The lock check: measures what each pending revision locks and rewrites on PostgreSQL,
 * without guessing from its text. The recorded revisions are built in a scratch database;
 * each pending revision then runs there statement by statement in a transaction, and
 * after each statement its own backend's locks ({@code pg_locks}), the tables' files
 * ({@code pg_class.relfilenode}, new on a rewrite) and their scans
 * ({@code pg_stat_xact_user_tables.seq_scan}, counted even on empty tables) are read;
 * then it is rolled back and applied for the next one. The live database is only read,
 * for its tables' sizes.
 *
 * @author Migrations for Spring Boot contributors
 */
final class LockCheck {

	private static final String TABLES = """
			SELECT c.oid, n.nspname, c.relname, c.relfilenode
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			  AND n.nspname NOT LIKE 'pg_toast%'""";

	private final DataSource dataSource;

	private final EngineSettings engine;

	private final ResourceLoader resourceLoader;

	private final long largeTableRows;

	LockCheck(DataSource dataSource, EngineSettings engine, ResourceLoader resourceLoader, long largeTableRows) {
		this.dataSource = dataSource;
		this.engine = engine;
		this.resourceLoader = resourceLoader;
		this.largeTableRows = largeTableRows;
	}

	LockReport check(MigrationStatus status, RevisionGraph graph) {
		Set<String> recordedIds = status.history()
			.stream()
			.filter((revision) -> revision.state().isRecorded())
			.map(RevisionStatus::revision)
			.collect(Collectors.toSet());
		Set<String> pendingIds = status.pending().stream().map(RevisionStatus::revision).collect(Collectors.toSet());
		List<Revision> recorded = graph.ordered()
			.stream()
			.filter((revision) -> recordedIds.contains(revision.id().value()))
			.toList();
		List<Revision> pending = graph.ordered()
			.stream()
			.filter((revision) -> pendingIds.contains(revision.id().value()))
			.toList();
		List<LockReport.RevisionLocks> measured = new ArrayList<>();
		try (Connection live = this.dataSource.getConnection()) {
			if (!status.database().isPostgres()) {
				throw new MigrationException(
						"The lock check measures what revisions lock on PostgreSQL only; " + status.database().url()
								+ " is " + status.database().product() + ". Nothing was written.",
						"Run check --locks against a PostgreSQL database.");
			}
			if (pending.isEmpty()) {
				return new LockReport(status.database().url(), status.current(), this.largeTableRows, List.of());
			}
			LiveSizes sizes = new LiveSizes(live, this.largeTableRows);
			String original = live.getSchema();
			try (ScratchDatabase scratch = ScratchDatabase.create(this.dataSource, live, "lock check")) {
				new SchemaDrift(this.dataSource, this.engine, this.resourceLoader).build(scratch.connection(),
						recorded);
				try (MigrationEngine engine = new MigrationEngine(scratch.connection(), this.engine,
						this.resourceLoader)) {
					RevisionExecutor applying = RevisionExecutor.executing(engine);
					for (Revision revision : pending) {
						CompiledRevision compiled = engine.compile(revision);
						measured.add(measure(engine, scratch.connection(), compiled, sizes));
						try {
							applying.apply(compiled);
						}
						catch (ChangeSetFailedException ex) {
							throw new MigrationException(
									"The lock check could not apply revision " + revision.label()
											+ " in its scratch database (" + ex.getMessage() + ")",
									"Check that the revision runs on a database at the revision before it. Nothing "
											+ "was written to the live database.",
									ex);
						}
					}
				}
			}
			finally {
				if (original != null && !original.equals(live.getSchema())) {
					live.setSchema(original);
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read the database to check the revisions' locks: " + ex.getMessage(),
					"Check the database connection. Nothing was written.", ex);
		}
		return new LockReport(status.database().url(), status.current(), this.largeTableRows, measured);
	}

	private LockReport.RevisionLocks measure(MigrationEngine engine, Connection scratch, CompiledRevision compiled,
			LiveSizes sizes) throws SQLException {
		Revision revision = compiled.revision();
		boolean accepted = "accepted".equalsIgnoreCase(String.valueOf(revision.header(LockReport.HEADER)).trim());
		if (!compiled.transactional()) {
			String text = String.valueOf(SchemaDrift.text(revision)).toUpperCase(Locale.ROOT);
			return new LockReport.RevisionLocks(revision.id().value(), revision.label(), revision.file(),
					"runs outside a transaction ('-- transactional: false'), so it cannot be run and rolled back"
							+ (text.contains("CONCURRENTLY") ? "; CREATE/DROP INDEX CONCURRENTLY takes SHARE UPDATE "
									+ "EXCLUSIVE, which blocks neither reads nor writes" : ""),
					accepted, List.of());
		}
		Probe probe = new Probe(scratch, Set.of(this.engine.historyTable().toLowerCase(Locale.ROOT),
				this.engine.lockTable().toLowerCase(Locale.ROOT)));
		try {
			RevisionExecutor.measuring(engine, probe).apply(compiled);
		}
		catch (ChangeSetFailedException ex) {
			throw new MigrationException(
					"The lock check could not run revision " + revision.label() + " in its scratch database ("
							+ ex.getMessage() + ")",
					"Check that the revision runs on a database at the revision before it. Nothing was written to "
							+ "the live database.",
					ex);
		}
		List<LockReport.TableLock> locks = new ArrayList<>();
		for (Probe.Observed observed : probe.observed) {
			long rows = sizes.rows(observed.table);
			boolean blocking = LockModes.strength(observed.mode) >= LockModes.SHARE
					&& (observed.rewrite || observed.scan) && rows >= this.largeTableRows;
			locks.add(new LockReport.TableLock(observed.statement, shorten(observed.sql), observed.table, observed.mode,
					observed.rewrite, observed.scan, rows, sizes.bytes(observed.table), blocking, advice(observed)));
		}
		return new LockReport.RevisionLocks(revision.id().value(), revision.label(), revision.file(), null, accepted,
				locks);
	}

	private static String shorten(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() > 80) ? flat.substring(0, 79) + "…" : flat;
	}

	private static final Pattern TYPE_CHANGE = pattern("ALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE");

	private static final Pattern DEFAULT = pattern("ADD\\s+(COLUMN\\s+)?.*\\bDEFAULT\\b");

	private static final Pattern INDEX = pattern("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY)");

	private static final Pattern NOT_NULL = pattern("SET\\s+NOT\\s+NULL");

	private static final Pattern CHECK_OR_FOREIGN_KEY = pattern(
			"ADD\\s+(CONSTRAINT\\s+\\S+\\s+)?(CHECK|FOREIGN\\s+KEY)(?!.*NOT\\s+VALID)");

	private static final Pattern KEY = pattern("ADD\\s+(CONSTRAINT\\s+\\S+\\s+)?(PRIMARY\\s+KEY|UNIQUE)");

	private static final Pattern RENAME = pattern("\\bRENAME\\b");

	private static Pattern pattern(String regex) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	/**
	 * The safe pattern for what a statement does, where one is known.
	 * @param observed the observed
	 * @return the string
	 */
	static @Nullable String advice(Probe.Observed observed) {
		String sql = observed.sql;
		if (observed.rewrite && TYPE_CHANGE.matcher(sql).find()) {
			return "expand/contract: add a column of the new type, fill it in batches, move the application to it, "
					+ "then drop the old column in a later revision";
		}
		if (observed.rewrite && DEFAULT.matcher(sql).find()) {
			return "add the column without the volatile default (a constant default needs no rewrite), then fill "
					+ "existing rows in batches";
		}
		if (INDEX.matcher(sql).find()) {
			return "CREATE INDEX CONCURRENTLY, in a revision of its own with the header '-- transactional: false'";
		}
		if (NOT_NULL.matcher(sql).find() && observed.scan) {
			return "ADD CONSTRAINT … CHECK (column IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT in a later revision; "
					+ "then SET NOT NULL, which uses the validated constraint instead of reading the table";
		}
		if (CHECK_OR_FOREIGN_KEY.matcher(sql).find() && observed.scan) {
			return "ADD CONSTRAINT … NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT in a later revision (it takes "
					+ "SHARE UPDATE EXCLUSIVE, which does not block writes)";
		}
		if (KEY.matcher(sql).find() && observed.scan) {
			return "CREATE UNIQUE INDEX CONCURRENTLY in a '-- transactional: false' revision, then ADD CONSTRAINT … "
					+ "USING INDEX";
		}
		if (RENAME.matcher(sql).find()) {
			return "expand/contract: instances still running the old code use the old name";
		}
		return null;
	}

	/**
	 * Watches one revision's transaction in the scratch database.
	 */
	static final class Probe implements StatementObserver {

		private final Connection connection;

		private final Set<String> excluded;

		private final Map<Long, String> tables = new HashMap<>();

		private final Map<Long, Long> files = new HashMap<>();

		private final Map<Long, Long> scans = new HashMap<>();

		private final Map<Long, Integer> modes = new HashMap<>();

		private final List<Observed> observed = new ArrayList<>();

		private int statement;

		Probe(Connection connection, Set<String> excluded) {
			this.connection = connection;
			this.excluded = excluded;
		}

		@Override
		public void beginning() throws SQLException {
			this.tables.clear();
			this.files.clear();
			this.modes.clear();
			this.observed.clear();
			this.statement = 0;
			try (Statement query = this.connection.createStatement(); ResultSet result = query.executeQuery(TABLES)) {
				while (result.next()) {
					if (!this.excluded.contains(result.getString(3).toLowerCase(Locale.ROOT))) {
						long oid = result.getLong(1);
						this.tables.put(oid, result.getString(2) + "." + result.getString(3));
						this.files.put(oid, result.getLong(4));
					}
				}
			}
			this.scans.clear();
			this.scans.putAll(scans());
		}

		@Override
		public void executed(String sql) throws SQLException {
			boolean changeSet = sql.startsWith("change set ");
			if (!changeSet) {
				this.statement++;
			}
			if (this.tables.isEmpty()) {
				return;
			}
			Map<Long, Integer> held = new HashMap<>();
			try (PreparedStatement query = this.connection.prepareStatement("SELECT relation, mode FROM pg_locks "
					+ "WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY(?)")) {
				query.setArray(1, oids());
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						held.merge(result.getLong(1), LockModes.strength(LockModes.name(result.getString(2))),
								Math::max);
					}
				}
			}
			Map<Long, Long> nowFiles = new HashMap<>();
			try (PreparedStatement query = this.connection
				.prepareStatement("SELECT oid, relfilenode FROM pg_class WHERE oid = ANY(?)")) {
				query.setArray(1, oids());
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						nowFiles.put(result.getLong(1), result.getLong(2));
					}
				}
			}
			Map<Long, Long> nowScans = scans();
			for (Map.Entry<Long, String> table : this.tables.entrySet()) {
				long oid = table.getKey();
				int mode = held.getOrDefault(oid, -1);
				boolean stronger = mode > this.modes.getOrDefault(oid, -1);
				Long file = nowFiles.get(oid);
				boolean rewrite = file != null && !file.equals(this.files.get(oid));
				boolean scan = nowScans.getOrDefault(oid, 0L) > this.scans.getOrDefault(oid, 0L);
				if (stronger) {
					this.modes.put(oid, mode);
				}
				if (file != null) {
					this.files.put(oid, file);
				}
				this.scans.put(oid, nowScans.getOrDefault(oid, 0L));
				if ((stronger || rewrite || scan) && (mode >= LockModes.SHARE_UPDATE_EXCLUSIVE || rewrite)) {
					this.observed.add(new Observed(changeSet ? Math.max(this.statement, 1) : this.statement, sql,
							table.getValue(), LockModes.ORDER.get(Math.max(mode, 0)), rewrite, scan && !rewrite));
				}
			}
		}

		private Map<Long, Long> scans() throws SQLException {
			Map<Long, Long> scans = new HashMap<>();
			try (PreparedStatement query = this.connection
				.prepareStatement("SELECT relid, seq_scan FROM pg_stat_xact_user_tables WHERE relid = ANY(?)")) {
				query.setArray(1, oids());
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						scans.put(result.getLong(1), result.getLong(2));
					}
				}
			}
			return scans;
		}

		private Array oids() throws SQLException {
			return this.connection.createArrayOf("oid", this.tables.keySet().toArray());
		}

		record Observed(int statement, String sql, String table, String mode, boolean rewrite, boolean scan) {
		}

	}

	/**
	 * The live tables' sizes: PostgreSQL's estimate of their rows ({@code reltuples}), or
	 * for a table never analyzed a count that stops at the large-table threshold.
	 */
	private static final class LiveSizes {

		private final Connection live;

		private final long largeTableRows;

		private final Map<String, long[]> sizes = new LinkedHashMap<>();

		LiveSizes(Connection live, long largeTableRows) throws SQLException {
			this.live = live;
			this.largeTableRows = largeTableRows;
			try (Statement query = live.createStatement();
					ResultSet result = query.executeQuery("SELECT n.nspname || '.' || c.relname, "
							+ "CAST(c.reltuples AS bigint), pg_total_relation_size(c.oid) FROM pg_class c JOIN "
							+ "pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') AND "
							+ "n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
				while (result.next()) {
					this.sizes.put(result.getString(1), new long[] { result.getLong(2), result.getLong(3) });
				}
			}
			if (!live.getAutoCommit()) {
				live.rollback();
			}
		}

		long rows(String table) throws SQLException {
			long[] size = this.sizes.get(table);
			if (size == null) {
				return 0;
			}
			if (size[0] < 0) {
				// Never analyzed: count, but no further than the threshold.
				String[] parts = table.split("\\.", 2);
				try (Statement query = this.live.createStatement();
						ResultSet result = query.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + quote(parts[0])
								+ "." + quote(parts[1]) + " LIMIT " + (this.largeTableRows + 1) + ") AS sample")) {
					result.next();
					size[0] = result.getLong(1);
				}
				if (!this.live.getAutoCommit()) {
					this.live.rollback();
				}
			}
			return size[0];
		}

		long bytes(String table) {
			long[] size = this.sizes.get(table);
			return (size != null) ? size[1] : 0;
		}

		private static String quote(String identifier) {
			return "\"" + identifier.replace("\"", "\"\"") + "\"";
		}

	}

}
