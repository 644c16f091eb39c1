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

package dev.migrations.schema;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import liquibase.CatalogAndSchema;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.EmptyDatabaseSnapshot;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Relation;

/**
 * The plain SQL that builds a schema like a live one, in its database's dialect: tables,
 * then keys, unique constraints, indexes, check constraints, foreign keys, views and
 * sequences, each in an order that can run. Data is not included.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class BaselineGenerator {

	private BaselineGenerator() {
	}

	/**
	 * The statements that build the schema, without terminators.
	 * @param connection a connection to the live database; only read
	 * @param schema the schema to describe
	 * @param excludedTables tables left out (history and lock tables), any case
	 * @return the statements, in an order that runs on an empty database
	 */
	public static List<String> statements(Connection connection, String schema, Collection<String> excludedTables) {
		Set<String> excluded = excludedTables.stream()
			.map((table) -> table.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		List<String> statements = LiquibaseSchemas.withDatabase(connection, "read the schema to describe",
				(database) -> liquibaseStatements(database, schema, excluded));
		List<String> checks = new ArrayList<>();
		CheckConstraints.read(connection, schema, excluded)
			.forEach((key, definition) -> checks
				.add("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " " + definition));
		insertChecks(statements, checks);
		return statements;
	}

	private static List<String> liquibaseStatements(Database database, String schema, Set<String> excluded)
			throws Exception {
		DatabaseSnapshot live = LiquibaseSchemas.snapshot(database, schema);
		CatalogAndSchema catalogAndSchema = new CatalogAndSchema(database.getDefaultCatalogName(), schema);
		CompareControl control = new CompareControl(
				new CompareControl.SchemaComparison[] {
						new CompareControl.SchemaComparison(catalogAndSchema, catalogAndSchema) },
				new HashSet<>(Set.of(LiquibaseSchemas.TYPES)));
		DiffResult diff = DiffGeneratorFactory.getInstance()
			.compare(live, new EmptyDatabaseSnapshot(database), control);
		DiffOutputControl output = new DiffOutputControl(false, false, false, null);
		output.setObjectChangeFilter(new ExcludedTables(excluded));
		// Liquibase reads a default of CURRENT_TIMESTAMP as "the current time" and writes
		// it back in its own
		// spelling (now(), LOCALTIMESTAMP): the standard spelling keeps the column as the
		// live one has it.
		database.setCurrentDateTimeFunction("CURRENT_TIMESTAMP");
		// Names as the live schema has them, unqualified: the file builds its tables
		// wherever it runs.
		database.setOutputDefaultSchema(false);
		database.setOutputDefaultCatalog(false);
		List<String> statements = new ArrayList<>();
		for (ChangeSet changeSet : new DiffToChangeLog(diff, output).generateChangeSets()) {
			for (Change change : changeSet.getChanges()) {
				for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
					statements.add(sql.toSql());
				}
			}
		}
		return statements;
	}

	// Check constraints go right after the tables' other constraints, before foreign
	// keys, views and sequences.
	private static void insertChecks(List<String> statements, List<String> checks) {
		int at = statements.size();
		for (int i = 0; i < statements.size(); i++) {
			String upper = statements.get(i).toUpperCase(Locale.ROOT);
			if (upper.contains(" FOREIGN KEY ") || upper.startsWith("CREATE VIEW")
					|| upper.startsWith("CREATE OR REPLACE VIEW")) {
				at = i;
				break;
			}
		}
		statements.addAll(at, checks);
	}

	private record ExcludedTables(Set<String> excluded) implements ObjectChangeFilter {

		@Override
		public boolean includeMissing(DatabaseObject object, Database reference, Database comparison) {
			return include(object);
		}

		@Override
		public boolean includeUnexpected(DatabaseObject object, Database reference, Database comparison) {
			return include(object);
		}

		@Override
		public boolean includeChanged(DatabaseObject object, ObjectDifferences differences, Database reference,
				Database comparison) {
			return include(object);
		}

		@Override
		public boolean include(DatabaseObject object) {
			String table = (object instanceof Relation) ? object.getName() : SchemaComparator.table(object);
			return table == null || !this.excluded.contains(table.toLowerCase(Locale.ROOT));
		}

	}

}
