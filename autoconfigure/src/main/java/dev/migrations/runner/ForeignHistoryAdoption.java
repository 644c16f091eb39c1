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

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Backup;
import dev.migrations.Container;
import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.backup.DatabaseBackups;
import dev.migrations.internal.engine.RevisionExecutor;
import dev.migrations.internal.lock.MigrationLock;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionGraph;

/**
 * Adopts a database that Flyway or Alembic managed: the revisions its history says ran
 * are recorded as {@link RevisionState#ADOPTED} without running, Flyway's install dates
 * kept. Anything that does not match (a failed Flyway row, a version no revision matches,
 * a revision missing in between) fails before anything is written. The other tool's table
 * is only read.
 *
 * @author Migrations for Spring Boot contributors
 */
final class ForeignHistoryAdoption {

	/** Flyway's history table, as Flyway names it by default. */
	static final String FLYWAY_TABLE = "flyway_schema_history";

	/** Alembic's version table. */
	static final String ALEMBIC_TABLE = "alembic_version";

	private static final Logger logger = LoggerFactory.getLogger(ForeignHistoryAdoption.class);

	private final AdoptionSource source;

	private final RevisionGraph graph;

	private final @Nullable DatabaseBackups backups;

	ForeignHistoryAdoption(AdoptionSource source, RevisionGraph graph, @Nullable DatabaseBackups backups) {
		this.source = source;
		this.graph = graph;
		this.backups = backups;
	}

	RunReport adopt(MigrationSession session, RunProgress progress) {
		String url = session.database().url();
		if (session.historyToken() != null) {
			logger.debug("{} has a migration history already: nothing to adopt from {}", url, name());
			return progress.report(RunReport.Outcome.UP_TO_DATE, null);
		}
		List<Adopted> plan = plan(session);
		if (plan == null || plan.isEmpty()) {
			return progress.report(RunReport.Outcome.UP_TO_DATE, null);
		}
		progress.writing();
		try (MigrationLock lock = session.lock()) {
			if (session.historyToken() != null) {
				// Another instance adopted the database while this one waited for the
				// lock.
				return progress.report(RunReport.Outcome.UP_TO_DATE, null);
			}
			if (this.backups != null) {
				// The backup comes before the first write: the history table is one. No
				// transaction stays open while pg_dump runs.
				session.endReadTransaction();
				Backup backup = this.backups.take(session.connection(), session.database(),
						this.source.name().toLowerCase(Locale.ROOT), plan.get(plan.size() - 1).revision().id().value());
				if (backup != null) {
					progress.backup(backup.file().toString());
				}
			}
			RevisionExecutor executor = RevisionExecutor.executing(session.engine());
			executor.createHistoryTable();
			session.engine().readHistory();
			List<String> recorded = new ArrayList<>();
			for (Adopted adopted : plan) {
				executor.adopt(session.compiled(adopted.revision()), adopted.comment(), adopted.executedAt());
				recorded.add(adopted.revision().id().value());
				progress.recorded(adopted.revision().id().value());
			}
			logger.info("Adopted {} from {}: {} revision(s) recorded as ADOPTED without running ({}); the {} table was "
					+ "left as it was", url, name(), recorded.size(), String.join(", ", recorded), table());
			return progress.report(RunReport.Outcome.SUCCESS, null);
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read the migration history of " + url + ": " + ex.getMessage(),
					"Check the database connection.", ex);
		}
	}

	/**
	 * What to record, or {@code null} when there is nothing to adopt; fails listing
	 * whatever does not match.
	 * @param session the session
	 * @return the adopteds
	 */
	private @Nullable List<Adopted> plan(MigrationSession session) {
		Connection connection = session.connection();
		String url = session.database().url();
		try {
			Container container = session.database().container();
			String table = storedName(connection, container, table());
			if (table == null) {
				if (session.historyExists() || !hasTables(connection, container)) {
					logger.info("{} has no {} table: nothing to adopt from {}", url, table(), name());
					return null;
				}
				throw new MigrationException(
						"Cannot adopt " + url + " from " + name() + ": it has tables but no " + table() + " table in "
								+ session.database().container() + ". Nothing was written.",
						"Check the schema (migrations.default-schema) and the adopted tool (migrations.adopt), or "
								+ "adopt the database with a baseline instead.");
			}
			return (this.source == AdoptionSource.FLYWAY) ? flyway(connection, table, url)
					: alembic(connection, table, url);
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read " + table() + " of " + url + ": " + ex.getMessage(),
					"Check that the migration user may read it. Nothing was written.", ex);
		}
	}

	private List<Adopted> flyway(Connection connection, String table, String url) throws SQLException {
		String quote = quote(connection, table);
		String sql = "SELECT " + columns(quote, "installed_rank", "version", "description", "type", "script",
				"installed_on", "success") + " FROM " + quote + table + quote + " ORDER BY " + quote + "installed_rank"
				+ quote;
		List<String> failed = new ArrayList<>();
		List<String> unmatched = new ArrayList<>();
		// Latest row per version: a later DELETE row (flyway repair) takes an applied
		// version back.
		Map<Revision, Adopted> adopted = new LinkedHashMap<>();
		Revision baseline = null;
		LocalDateTime baselineAt = null;
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				String version = rows.getString(2);
				String type = rows.getString(4);
				String script = rows.getString(5);
				Timestamp installed = rows.getTimestamp(6);
				boolean success = rows.getBoolean(7);
				String label = (version != null) ? "version " + version + " (" + script + ")" : script;
				if ("SCHEMA".equalsIgnoreCase(type)) {
					// Flyway created the schema: not a migration.
					continue;
				}
				if (version == null) {
					logger.warn("Flyway's repeatable migration {} has no version: it is not adopted; re-create what it "
							+ "does in a revision if the application still needs it", script);
					continue;
				}
				if (!success) {
					failed.add(label);
					continue;
				}
				Optional<Revision> revision = match(version);
				if (revision.isEmpty()) {
					unmatched.add(label);
					continue;
				}
				LocalDateTime at = (installed != null) ? installed.toLocalDateTime() : null;
				if ("DELETE".equalsIgnoreCase(type)) {
					adopted.remove(revision.get());
				}
				else if ("BASELINE".equalsIgnoreCase(type)) {
					baseline = revision.get();
					baselineAt = at;
				}
				else {
					adopted.put(revision.get(), new Adopted(revision.get(), at,
							trim(StatusCalculator.ADOPTED_COMMENT + " from Flyway: " + script)));
				}
			}
		}
		if (!failed.isEmpty()) {
			throw new MigrationException(
					"Cannot adopt " + url + " from Flyway: " + FLYWAY_TABLE + " records failed " + "migration(s): "
							+ String.join(", ", failed) + ". Nothing was written.",
					"Repair the database with Flyway first (fix the schema, then 'flyway repair' removes the failed "
							+ "rows), then start again.");
		}
		if (!unmatched.isEmpty()) {
			throw new MigrationException(
					"Cannot adopt " + url + " from Flyway: no revision matches " + String.join(", ", unmatched)
							+ ". Nothing was written.",
					"Add a revision file for each Flyway version, named with the version as revision id "
							+ "(V3__add_clients.sql becomes 003_add_clients.sql: 3 and 003 are one revision).");
		}
		List<Adopted> plan = new ArrayList<>();
		if (baseline != null) {
			for (Revision revision : this.graph.upTo(baseline.id())) {
				if (!adopted.containsKey(revision)) {
					plan.add(new Adopted(revision, baselineAt, trim(
							StatusCalculator.ADOPTED_COMMENT + " from Flyway: baseline at version " + baseline.id())));
				}
			}
		}
		plan.addAll(adopted.values());
		return complete(plan, url);
	}

	private List<Adopted> alembic(Connection connection, String table, String url) throws SQLException {
		String quote = quote(connection, table);
		List<String> heads = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT " + quote + "version_num" + quote + " FROM " + quote + table + quote)) {
			while (rows.next()) {
				heads.add(rows.getString(1));
			}
		}
		List<String> unmatched = heads.stream().filter((head) -> match(head).isEmpty()).toList();
		if (!unmatched.isEmpty()) {
			throw new MigrationException(
					"Cannot adopt " + url + " from Alembic: no revision matches the recorded " + "head(s) "
							+ String.join(", ", unmatched) + ". Nothing was written.",
					"Keep Alembic's revision ids as revision ids (ae1027a6acf_add_clients.sql) with a "
							+ "'-- down_revision: <parent>' header, so that the graph is Alembic's.");
		}
		List<Adopted> plan = new ArrayList<>();
		for (Revision revision : this.graph.ordered()) {
			boolean belowAHead = heads.stream()
				.map((head) -> match(head).orElseThrow())
				.anyMatch((head) -> this.graph.upTo(head.id()).contains(revision));
			if (belowAHead) {
				plan.add(new Adopted(revision, null, trim(StatusCalculator.ADOPTED_COMMENT + " from Alembic: "
						+ ALEMBIC_TABLE + " at " + String.join(", ", heads))));
			}
		}
		if (plan.isEmpty()) {
			logger.info("{} records no Alembic revision: nothing to adopt", url);
			return null;
		}
		return plan;
	}

	/**
	 * The plan in graph order; fails when a revision below the newest adopted one was not
	 * run by the other tool.
	 * @param plan the plan
	 * @param url the url
	 * @return the adopteds
	 */
	private List<Adopted> complete(List<Adopted> plan, String url) {
		if (plan.isEmpty()) {
			return plan;
		}
		Map<Revision, Adopted> byRevision = new LinkedHashMap<>();
		plan.forEach((adopted) -> byRevision.put(adopted.revision(), adopted));
		List<Revision> ordered = this.graph.ordered();
		int newest = plan.stream().mapToInt((adopted) -> ordered.indexOf(adopted.revision())).max().orElse(-1);
		List<String> missing = new ArrayList<>();
		List<Adopted> inOrder = new ArrayList<>();
		for (int i = 0; i <= newest; i++) {
			Adopted adopted = byRevision.get(ordered.get(i));
			if (adopted == null) {
				missing.add(ordered.get(i).id() + " (" + ordered.get(i).file() + ")");
			}
			else {
				inOrder.add(adopted);
			}
		}
		if (!missing.isEmpty()) {
			throw new MigrationException(
					"Cannot adopt " + url + " from " + name() + ": revision(s) " + String.join(", ", missing)
							+ " come before the newest version " + name() + " applied, but " + name()
							+ " never ran them. Nothing was written.",
					"Check that each revision file matches the version the other tool ran; a revision added since "
							+ "must be numbered after them.");
		}
		return inOrder;
	}

	private Optional<Revision> match(String version) {
		if (!RevisionId.isValid(version)) {
			return Optional.empty();
		}
		RevisionId id = new RevisionId(version);
		return this.graph.ordered().stream().filter((revision) -> revision.id().sameRevisionAs(id)).findFirst();
	}

	private static @Nullable String storedName(Connection connection, Container container, String table)
			throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		for (String candidate : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
			try (ResultSet tables = container.tables(meta, candidate, null)) {
				if (tables.next()) {
					return tables.getString("TABLE_NAME");
				}
			}
		}
		return null;
	}

	private static boolean hasTables(Connection connection, Container container) throws SQLException {
		try (ResultSet tables = container.tables(connection.getMetaData(), "%", new String[] { "TABLE" })) {
			return tables.next();
		}
	}

	// Lower-case names are quoted (PostgreSQL and H2 fold unquoted ones), with the
	// database's own quote: a backtick on MariaDB and MySQL.
	private static String quote(Connection connection, String table) throws SQLException {
		return table.equals(table.toLowerCase(java.util.Locale.ROOT))
				? connection.getMetaData().getIdentifierQuoteString().trim() : "";
	}

	private static String columns(String quote, String... names) {
		return String.join(", ", java.util.Arrays.stream(names).map((name) -> quote + name + quote).toList());
	}

	private static String trim(String comment) {
		return (comment.length() > 255) ? comment.substring(0, 255) : comment;
	}

	private String name() {
		return (this.source == AdoptionSource.FLYWAY) ? "Flyway" : "Alembic";
	}

	private String table() {
		return (this.source == AdoptionSource.FLYWAY) ? FLYWAY_TABLE : ALEMBIC_TABLE;
	}

	private record Adopted(Revision revision, @Nullable LocalDateTime executedAt, String comment) {
	}

}
