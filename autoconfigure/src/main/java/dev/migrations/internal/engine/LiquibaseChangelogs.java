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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.change.DbmsTargetedChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.ExecutablePreparedStatement;
import liquibase.statement.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

import dev.migrations.MigrationException;
import dev.migrations.RevisionId;
import dev.migrations.internal.revision.Revision;
import dev.migrations.internal.revision.RevisionContent;

/**
 * Parses Liquibase changelogs (revision files in changelog format, or an existing master
 * changelog) and turns their change sets into {@link PlannedChangeSet planned change
 * sets}.
 *
 * @author Migrations for Spring Boot contributors
 */
final class LiquibaseChangelogs {

	private static final Logger logger = LoggerFactory.getLogger(LiquibaseChangelogs.class);

	private final MigrationEngine engine;

	private final Map<String, DatabaseChangeLog> parsed = new HashMap<>();

	LiquibaseChangelogs(MigrationEngine engine) {
		this.engine = engine;
	}

	List<PlannedChangeSet> compile(Revision revision) {
		return this.engine.liquibase("read revision " + revision.id() + " (" + revision.file() + ")", () -> {
			Database database = this.engine.liquibaseDatabase();
			List<PlannedChangeSet> result = new ArrayList<>();
			if (revision.content() instanceof RevisionContent.LiquibaseChangelog file) {
				DatabaseChangeLog changelog = parse(file.resourcePath(), this.engine.resourceLoader());
				Map<String, String> checksums = checksumsBeforeParameters(file.resourcePath());
				for (ChangeSet changeSet : changelog.getChangeSets()) {
					rejectRepeatable(revision, changeSet);
					if (selected(changeSet, database)) {
						result.add(planned(changeSet, changelog,
								HistoryRow.REVISION_FILE_PREFIX + revision.id().value(), checksums));
					}
				}
			}
			else if (revision.content() instanceof RevisionContent.ChangelogSlice slice) {
				DatabaseChangeLog changelog = parse(slice.changelogPath(), this.engine.resourceLoader());
				Map<String, String> checksums = checksumsBeforeParameters(slice.changelogPath());
				Map<String, ChangeSet> byKey = changelog.getChangeSets()
					.stream()
					.collect(Collectors.toMap(LiquibaseChangelogs::key, (changeSet) -> changeSet, (a, b) -> a));
				for (String key : slice.changeSetKeys()) {
					ChangeSet changeSet = byKey.get(key);
					if (changeSet != null && selected(changeSet, database)) {
						result.add(planned(changeSet, changelog, changeSet.getFilePath(), checksums));
					}
				}
			}
			return result;
		});
	}

	private DatabaseChangeLog parse(String path, ResourceLoader resourceLoader) throws Exception {
		DatabaseChangeLog changelog = this.parsed.get(path);
		if (changelog == null) {
			changelog = parseChangelog(path, resourceLoader, this.engine.settings().placeholders().values());
			this.parsed.put(path, changelog);
		}
		return changelog;
	}

	/**
	 * The checksum of each change set as its file is written, before the placeholders are
	 * put in as changelog parameters: a value that differs between environments is not an
	 * edit. Empty without placeholders, when the parsed change sets' own checksums are
	 * those.
	 * @param path the path
	 * @return the string
	 */
	private Map<String, String> checksumsBeforeParameters(String path) throws Exception {
		if (this.engine.settings().placeholders().values().isEmpty()) {
			return Map.of();
		}
		Map<String, String> checksums = new HashMap<>();
		for (ChangeSet changeSet : parseChangelog(path, this.engine.resourceLoader(), Map.of()).getChangeSets()) {
			checksums.putIfAbsent(key(changeSet), changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
		}
		return checksums;
	}

	private static DatabaseChangeLog parseChangelog(String path, ResourceLoader resourceLoader,
			Map<String, String> parameters) throws Exception {
		ResourceAccessor accessor = new SpringResourceAccessor(resourceLoader);
		ChangeLogParameters changeLogParameters = new ChangeLogParameters();
		parameters.forEach(changeLogParameters::set);
		return ChangeLogParserFactory.getInstance()
			.getParser(path, accessor)
			.parse(path, changeLogParameters, accessor);
	}

	static List<Revision> revisionsOf(String changelogPath, ResourceLoader resourceLoader) {
		DatabaseChangeLog changelog;
		try {
			changelog = Scope.child(LiquibaseSession.scope(resourceLoader),
					() -> parseChangelog(changelogPath, resourceLoader, Map.of()));
		}
		catch (Exception ex) {
			throw new MigrationException(
					"Cannot read the changelog " + changelogPath + " (migrations.changelog): "
							+ ChangeSetFailedException.rootMessage(ex),
					"Check that migrations.changelog names an existing Liquibase changelog and that it parses.", ex);
		}
		boolean tagged = changelog.getChangeSets()
			.stream()
			.anyMatch((changeSet) -> changeSet.getChanges().stream().anyMatch(TagDatabaseChange.class::isInstance));
		List<Revision> revisions = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		RevisionId previous = null;
		for (ChangeSet changeSet : changelog.getChangeSets()) {
			keys.add(key(changeSet));
			String tag = changeSet.getChanges()
				.stream()
				.filter(TagDatabaseChange.class::isInstance)
				.map((change) -> ((TagDatabaseChange) change).getTag())
				.findFirst()
				.orElse(null);
			if (!tagged || tag != null) {
				String name = (tag != null) ? tag : changeSet.getId();
				previous = addRevision(revisions, name, changeSet, keys, previous, changelogPath);
				keys = new ArrayList<>();
			}
		}
		if (!keys.isEmpty()) {
			ChangeSet last = changelog.getChangeSets().get(changelog.getChangeSets().size() - 1);
			addRevision(revisions, last.getId(), last, keys, previous, changelogPath);
		}
		return revisions;
	}

	private static RevisionId addRevision(List<Revision> revisions, String name, ChangeSet changeSet, List<String> keys,
			RevisionId previous, String changelogPath) {
		String idText = name.replaceAll("[^A-Za-z0-9.\\-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
		if (!RevisionId.isValid(idText)) {
			throw new MigrationException(
					"Change set or tag '" + name + "' in " + changelogPath + " cannot be used as a revision id",
					"Give the change set (or its tagDatabase) an id made of letters, digits, '.' and '-'.");
		}
		RevisionId id = new RevisionId(idText);
		for (Revision existing : revisions) {
			if (existing.id().sameRevisionAs(id)) {
				throw new MigrationException(
						"Revision " + id + " appears twice in " + changelogPath + " (as change set or tag ids)",
						"Tag the changelog with unique tags (tagDatabase), one per release.");
			}
		}
		String description = (changeSet.getComments() != null && !changeSet.getComments().isBlank())
				? changeSet.getComments().strip() : changeSet.getDescription();
		revisions.add(new Revision(id, description, (previous != null) ? List.of(previous) : List.of(),
				changeSet.getFilePath(), new RevisionContent.ChangelogSlice(changelogPath, List.copyOf(keys))));
		return id;
	}

	private static String key(ChangeSet changeSet) {
		return HistoryRow.key(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
	}

	private static void rejectRepeatable(Revision revision, ChangeSet changeSet) {
		if (changeSet.isAlwaysRun() || changeSet.isRunOnChange()) {
			throw new MigrationException(
					"Change set " + changeSet.getId() + " in " + revision.file()
							+ " is runAlways or runOnChange; a revision is applied once",
					"Remove runAlways/runOnChange, and put a changed view or procedure into a new revision.");
		}
	}

	private boolean selected(ChangeSet changeSet, Database database) {
		EngineSettings settings = this.engine.settings();
		if (!new DbmsChangeSetFilter(database).accepts(changeSet).isAccepted()) {
			return false;
		}
		if (settings.contexts() != null
				&& !new ContextChangeSetFilter(new Contexts(settings.contexts())).accepts(changeSet).isAccepted()) {
			return false;
		}
		return settings.labels() == null
				|| new LabelChangeSetFilter(new LabelExpression(settings.labels())).accepts(changeSet).isAccepted();
	}

	private PlannedChangeSet planned(ChangeSet changeSet, DatabaseChangeLog changelog, String filename,
			Map<String, String> checksumsBeforeParameters) {
		String checksum = checksumsBeforeParameters.get(key(changeSet));
		if (checksum == null) {
			checksum = changeSet.generateCheckSum(ChecksumVersion.latest()).toString();
		}
		return new PlannedChangeSet(changeSet.getId(), changeSet.getAuthor(), filename, checksum,
				changeSet.getDescription(), emptyToNull(changeSet.buildFullContext()),
				emptyToNull(changeSet.buildFullLabels()), changeSet.isRunInTransaction(),
				new LiquibaseWork(changeSet, changelog));
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private record LiquibaseWork(ChangeSet changeSet,
			DatabaseChangeLog changelog) implements PlannedChangeSet.ChangeSetWork {

		@Override
		public boolean matchesChecksum(String stored, String computed) {
			return stored.equals(computed) || this.changeSet.isCheckSumValid(CheckSum.parse(stored));
		}

		@Override
		public String upgrade(MigrationEngine engine, StatementSink sink) {
			return engine.liquibase("run change set " + this.changeSet.getId(), () -> {
				Database database = engine.liquibaseDatabase();
				if (!preconditionsPass(database)) {
					return "MARK_RAN";
				}
				List<SqlVisitor> visitors = visitors(database, false);
				for (Change change : this.changeSet.getChanges()) {
					if (change instanceof DbmsTargetedChange targeted
							&& !DatabaseList.definitionMatches(targeted.getDbms(), database, true)) {
						continue;
					}
					emit(change.generateStatements(database), change, database, visitors, sink);
				}
				return "EXECUTED";
			});
		}

		private boolean preconditionsPass(Database database) throws Exception {
			PreconditionContainer preconditions = this.changeSet.getPreconditions();
			if (preconditions == null) {
				return true;
			}
			try {
				preconditions.check(database, this.changelog, this.changeSet, null);
				return true;
			}
			catch (PreconditionFailedException ex) {
				PreconditionContainer.FailOption onFail = preconditions.getOnFail();
				if (onFail == PreconditionContainer.FailOption.WARN) {
					logger.warn("Precondition of change set {} failed, running it anyway (onFail=WARN): {}",
							this.changeSet.getId(), ex.getMessage());
					return true;
				}
				if (onFail == PreconditionContainer.FailOption.MARK_RAN
						|| onFail == PreconditionContainer.FailOption.CONTINUE) {
					logger.info("Precondition of change set {} failed: recording it as ran without running it ({})",
							this.changeSet.getId(), ex.getMessage());
					return false;
				}
				throw ex;
			}
			catch (PreconditionErrorException ex) {
				PreconditionContainer.ErrorOption onError = preconditions.getOnError();
				if (onError == PreconditionContainer.ErrorOption.MARK_RAN
						|| onError == PreconditionContainer.ErrorOption.CONTINUE) {
					return false;
				}
				if (onError == PreconditionContainer.ErrorOption.WARN) {
					return true;
				}
				throw ex;
			}
		}

		@Override
		public Reversal reversal(MigrationEngine engine) {
			return engine.liquibase("inspect the rollback of change set " + this.changeSet.getId(), () -> {
				if (!this.changeSet.getRollback().getChanges().isEmpty()) {
					return Reversal.by("its rollback block");
				}
				Database database = engine.liquibaseDatabase();
				for (Change change : this.changeSet.getChanges()) {
					if (!change.supportsRollback(database)) {
						return Reversal.impossible("it has no rollback block and '" + change.getDescription()
								+ "' has no automatic inverse");
					}
				}
				return Reversal.by("Liquibase's automatic inverse");
			});
		}

		@Override
		public void downgrade(MigrationEngine engine, StatementSink sink) {
			engine.liquibase("roll back change set " + this.changeSet.getId(), () -> {
				Database database = engine.liquibaseDatabase();
				List<SqlVisitor> visitors = visitors(database, true);
				List<Change> custom = this.changeSet.getRollback().getChanges();
				if (!custom.isEmpty()) {
					for (Change change : custom) {
						emit(change.generateStatements(database), change, database, visitors, sink);
					}
					return null;
				}
				List<Change> changes = new ArrayList<>(this.changeSet.getChanges());
				java.util.Collections.reverse(changes);
				for (Change change : changes) {
					emit(change.generateRollbackStatements(database), change, database, visitors, sink);
				}
				return null;
			});
		}

		/**
		 * The change set's {@code modifySql} visitors that apply to this database (and,
		 * for a rollback, to rollbacks).
		 * @param database the database
		 * @param rollback the rollback
		 * @return the sql visitors
		 */
		private List<SqlVisitor> visitors(Database database, boolean rollback) {
			List<SqlVisitor> visitors = new ArrayList<>();
			for (SqlVisitor visitor : this.changeSet.getSqlVisitors()) {
				boolean dbms = visitor.getApplicableDbms() == null || visitor.getApplicableDbms().isEmpty()
						|| DatabaseList.definitionMatches(visitor.getApplicableDbms(), database, true);
				if (dbms && (!rollback || visitor.isApplyToRollback())) {
					visitors.add(visitor);
				}
			}
			return visitors;
		}

		/**
		 * Hand a change's statements to the sink as the SQL text Liquibase generates for
		 * this database, with the change set's {@code modifySql} applied. Statements that
		 * Liquibase runs as prepared statements (data loads) have no SQL text: executed
		 * through Liquibase, and named in a preview.
		 * @param change the change
		 * @param database the database
		 * @param statements the statements
		 * @param visitors the visitors
		 * @param sink the sink
		 */
		private void emit(SqlStatement[] statements, Change change, Database database, List<SqlVisitor> visitors,
				StatementSink sink) throws Exception {
			if (statements == null) {
				return;
			}
			SqlGeneratorFactory generators = SqlGeneratorFactory.getInstance();
			for (SqlStatement statement : statements) {
				if (statement.skipOnUnsupported() && !generators.supports(statement, database)) {
					continue;
				}
				if (statement instanceof ExecutablePreparedStatement) {
					if (sink.executes()) {
						database.execute(new SqlStatement[] { statement }, visitors);
					}
					else {
						sink.note(change.getDescription() + " of change set " + this.changeSet.getId()
								+ " runs as prepared statements: its SQL cannot be shown");
					}
					continue;
				}
				Sql[] sqls = generators.generateSql(statement, database);
				if (sqls == null) {
					continue;
				}
				for (Sql sql : sqls) {
					if (sql == null) {
						continue;
					}
					String text = sql.toSql();
					for (SqlVisitor visitor : visitors) {
						text = visitor.modifySql(text, database);
					}
					sink.statement(text);
				}
			}
		}

	}

}
