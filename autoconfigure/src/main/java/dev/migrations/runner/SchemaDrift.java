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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

import dev.migrations.Container;
import dev.migrations.DriftReport;
import dev.migrations.MigrationException;
import dev.migrations.SchemaDifference;
import dev.migrations.internal.engine.ChangeSetFailedException;
import dev.migrations.internal.engine.EngineSettings;
import dev.migrations.internal.engine.MigrationEngine;
import dev.migrations.internal.engine.RevisionExecutor;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;
import dev.migrations.internal.revision.RevisionGraph;
import dev.migrations.internal.schema.SchemaComparator;
import dev.migrations.internal.schema.ScratchDatabase;

/**
 * The drift check: builds the schema the recorded revisions produce in a scratch
 * database, with the same engine that migrates, and compares the live schema with it.
 * Reads the live database only.
 *
 * @author Migrations for Spring Boot contributors
 */
final class SchemaDrift {

	private static final Logger logger = LoggerFactory.getLogger(SchemaDrift.class);

	private final DataSource dataSource;

	private final EngineSettings engine;

	private final ResourceLoader resourceLoader;

	SchemaDrift(DataSource dataSource, EngineSettings engine, ResourceLoader resourceLoader) {
		this.dataSource = dataSource;
		this.engine = engine;
		this.resourceLoader = resourceLoader;
	}

	DriftReport check(MigrationStatus status, RevisionGraph graph, List<String> ignore) {
		long started = System.nanoTime();
		Set<String> recorded = status.history()
			.stream()
			.filter((revision) -> revision.state().isRecorded())
			.map(RevisionStatus::revision)
			.collect(Collectors.toSet());
		List<Revision> revisions = graph.ordered()
			.stream()
			.filter((revision) -> recorded.contains(revision.id().value()))
			.toList();
		List<String> notes = new ArrayList<>();
		List<String> unknown = status.unknown().stream().map(RevisionStatus::revision).toList();
		if (!unknown.isEmpty()) {
			notes.add("revision(s) " + String.join(", ", unknown) + " are recorded but this application does not have "
					+ "them: what they created shows as unexpected");
		}
		status.partial()
			.forEach((revision) -> notes.add("revision " + revision.revision() + " is half-applied and was left out "
					+ "of the expected schema"));
		SchemaComparator.Comparison comparison;
		try (Connection live = this.dataSource.getConnection()) {
			Container original = Container.current(live);
			try (ScratchDatabase scratch = ScratchDatabase.create(this.dataSource, live)) {
				String liveSchema = (this.engine.defaultSchema() != null)
						? Container.use(live, this.engine.defaultSchema()).name() : original.name();
				String expectedSchema = build(scratch.connection(), revisions);
				comparison = SchemaComparator.compare(scratch.connection(), expectedSchema, live, liveSchema,
						List.of(this.engine.historyTable(), this.engine.lockTable(), this.engine.startedTable(),
								ForeignHistoryAdoption.FLYWAY_TABLE, ForeignHistoryAdoption.ALEMBIC_TABLE));
			}
			finally {
				// The connection may go back to a pool.
				original.restore(live);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot connect to the database to check its schema: " + ex.getMessage(),
					"Check the database connection. Nothing was written.", ex);
		}
		notes.add(comparison.notCompared());
		List<SchemaDifference> reported = comparison.differences()
			.stream()
			.filter((difference) -> ignore.stream().noneMatch(difference::matches))
			.map((difference) -> difference.withRevision(attribute(difference, revisions)))
			.toList();
		logger.debug("Drift check of {} revision(s) done in {} ms: {} difference(s)", revisions.size(),
				(System.nanoTime() - started) / 1_000_000, reported.size());
		return new DriftReport(status.database().url(), status.current(), reported, notes);
	}

	/**
	 * Apply the revisions to the scratch database with the migrating engine; the schema
	 * they went into.
	 * @param revisions the revisions
	 * @param scratch the scratch
	 * @return the string
	 */
	String build(Connection scratch, List<Revision> revisions) throws SQLException {
		// On MariaDB and MySQL the scratch database is the container: a configured one
		// names the live database, never to be built in.
		boolean database = Container.current(scratch).kind() == Container.Kind.DATABASE;
		EngineSettings settings = database ? new EngineSettings(this.engine.historyTable(), null,
				this.engine.contexts(), this.engine.labels(), this.engine.placeholders()) : this.engine;
		if (settings.defaultSchema() != null) {
			try (Statement statement = scratch.createStatement()) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + settings.defaultSchema());
			}
		}
		try (MigrationEngine engine = new MigrationEngine(scratch, settings, this.resourceLoader)) {
			RevisionExecutor executor = RevisionExecutor.executing(engine);
			executor.createHistoryTable();
			for (Revision revision : revisions) {
				try {
					executor.apply(engine.compile(revision));
				}
				catch (ChangeSetFailedException ex) {
					throw new MigrationException(
							"The drift check could not build the expected schema: revision " + revision.label()
									+ " fails on an empty database (" + ex.getMessage() + ")",
							"Check that revisions up to it build a database from nothing (a BASELINE revision "
									+ "describes the schema it stands for). Nothing was written to the live database.",
							ex);
				}
			}
		}
		// The engine put back the connection's own schema; the snapshot reads with the
		// built one current, as the live
		// connection does, so that both print definitions alike (PostgreSQL qualifies
		// names outside the search path).
		return (settings.defaultSchema() != null) ? Container.use(scratch, settings.defaultSchema()).name()
				: Container.current(scratch).name();
	}

	/**
	 * The revision that created a missing object (the first one to name it) or last
	 * changed a changed one (the last one to name it), as far as the revisions' text
	 * tells.
	 * @param difference the difference
	 * @param revisions the revisions
	 * @return the string
	 */
	static @Nullable String attribute(SchemaDifference difference, List<Revision> revisions) {
		if (difference.kind() == SchemaDifference.Kind.UNEXPECTED) {
			return null;
		}
		List<Pattern> names = new ArrayList<>();
		names.add(word(difference.name()));
		if (difference.table() != null && difference.type().equals("column")) {
			names.add(word(difference.table()));
		}
		String found = null;
		for (Revision revision : revisions) {
			String text = text(revision);
			if (text != null && names.stream().allMatch((name) -> name.matcher(text).find())) {
				found = revision.id().value();
				if (difference.kind() == SchemaDifference.Kind.MISSING) {
					return found;
				}
			}
		}
		return found;
	}

	private static Pattern word(String name) {
		return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])",
				Pattern.CASE_INSENSITIVE);
	}

	static @Nullable String text(Revision revision) {
		if (revision.content() instanceof RevisionContent.Sql sql) {
			return sql.upgrade();
		}
		if (revision.content() instanceof RevisionContent.LiquibaseChangelog changelog) {
			return changelog.text();
		}
		return null;
	}

}
