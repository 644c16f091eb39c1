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

package dev.migrations.internal.schema;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrations.internal.schema.SchemaModel.Column;
import dev.migrations.internal.schema.SchemaModel.Constraint;
import dev.migrations.internal.schema.SchemaModel.Index;
import dev.migrations.internal.schema.SchemaModel.Sequence;
import dev.migrations.internal.schema.SchemaModel.Table;
import dev.migrations.internal.schema.SchemaModel.View;

/**
 * The plain SQL that builds a schema like a live one, in its database's dialect, written
 * from the same {@link SchemaModel} the drift check compares: what the model holds is
 * written, what it leaves out is named. Data is not included.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class BaselineGenerator {

	private BaselineGenerator() {
	}

	/**
	 * Describe a live schema.
	 * @param connection a connection to the live database; only read
	 * @param schema the schema to describe
	 * @param excludedTables tables left out (history and lock tables), any case
	 * @return the statements and what they leave out
	 */
	public static Baseline generate(Connection connection, String schema, Collection<String> excludedTables) {
		Set<String> excluded = excludedTables.stream()
			.map((table) -> table.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		SchemaReader reader = SchemaReader.of(connection, "read the schema to describe");
		SchemaModel model = reader.readOrFail(connection, schema, excluded, "read the schema to describe");
		return new Baseline(statements(model, reader), model.notCarried());
	}

	/**
	 * The statements that build a model's schema, in an order that runs on an empty
	 * database: sequences, tables with their primary keys, unique, check and exclusion
	 * constraints, unique indexes, foreign keys, the other indexes, views. Foreign keys
	 * go before plain indexes so that H2 gives a foreign key an index of its own and a
	 * user's index on the same columns stays the user's (a later {@code DROP INDEX}
	 * works).
	 * @param dialect the dialect
	 * @param model the model
	 * @return the strings
	 */
	static List<String> statements(SchemaModel model, SchemaReader dialect) {
		List<String> statements = new ArrayList<>();
		for (Sequence sequence : model.sequences()) {
			statements.add(createSequence(sequence, dialect));
		}
		for (Table table : model.tables()) {
			statements.add(createTable(table, dialect));
		}
		for (Sequence sequence : model.sequences()) {
			if (sequence.ownedBy() != null) {
				statements
					.add("ALTER SEQUENCE " + dialect.identifier(sequence.name()) + " OWNED BY " + sequence.ownedBy());
			}
		}
		for (Table table : model.tables()) {
			for (Constraint constraint : table.constraints()) {
				if (constraint.kind() != Constraint.Kind.PRIMARY_KEY
						&& constraint.kind() != Constraint.Kind.FOREIGN_KEY) {
					statements.add(addConstraint(table, constraint, dialect));
				}
			}
		}
		addIndexes(model, dialect, statements, true);
		for (Table table : model.tables()) {
			for (Constraint constraint : table.constraints()) {
				if (constraint.kind() == Constraint.Kind.FOREIGN_KEY) {
					statements.add(addConstraint(table, constraint, dialect));
				}
			}
		}
		addIndexes(model, dialect, statements, false);
		for (View view : inDependencyOrder(model.views())) {
			statements.add("CREATE VIEW " + dialect.identifier(view.name()) + " AS\n" + view.definition());
		}
		return statements;
	}

	private static String createSequence(Sequence sequence, SchemaReader dialect) {
		StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(dialect.identifier(sequence.name()));
		if (!sequence.type().equalsIgnoreCase("bigint")) {
			sql.append(" AS ").append(sequence.type());
		}
		sql.append(" START WITH ")
			.append(sequence.start())
			.append(" INCREMENT BY ")
			.append(sequence.increment())
			.append(" MINVALUE ")
			.append(sequence.minimum())
			.append(" MAXVALUE ")
			.append(sequence.maximum())
			// Not cycling is the default everywhere; MariaDB spells it NOCYCLE.
			.append(sequence.cycle() ? " CYCLE" : "")
			.append(" CACHE ")
			.append(sequence.cache());
		return sql.toString();
	}

	private static String createTable(Table table, SchemaReader dialect) {
		List<String> lines = new ArrayList<>();
		for (Column column : table.columns()) {
			lines.add(dialect.identifier(column.name()) + " " + column(column));
		}
		for (Constraint constraint : table.constraints()) {
			if (constraint.kind() == Constraint.Kind.PRIMARY_KEY) {
				lines.add(named(constraint, dialect) + constraint.definition());
			}
		}
		return "CREATE TABLE " + dialect.identifier(table.name()) + " (\n    " + String.join(",\n    ", lines) + "\n)";
	}

	/**
	 * A column's definition after its name, as DDL writes it and a reviewer reads it.
	 * @param column the column
	 * @return the string
	 */
	static String column(Column column) {
		StringBuilder sql = new StringBuilder(column.type());
		if (column.identity() != null) {
			sql.append(' ').append(column.identity());
		}
		else if (column.generated() != null) {
			sql.append(' ').append(column.generated());
		}
		else if (column.defaultValue() != null) {
			sql.append(" DEFAULT ").append(column.defaultValue());
		}
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	private static String addConstraint(Table table, Constraint constraint, SchemaReader dialect) {
		return "ALTER TABLE " + dialect.identifier(table.name()) + " ADD " + named(constraint, dialect)
				+ constraint.definition();
	}

	private static String named(Constraint constraint, SchemaReader dialect) {
		return constraint.namedByDatabase() ? "" : "CONSTRAINT " + dialect.identifier(constraint.name()) + " ";
	}

	private static void addIndexes(SchemaModel model, SchemaReader dialect, List<String> statements, boolean unique) {
		for (Table table : model.tables()) {
			for (Index index : table.indexes()) {
				if (index.unique() == unique) {
					statements.add("CREATE " + (index.kind().isEmpty() ? "" : index.kind() + " ") + "INDEX "
							+ dialect.identifier(index.name()) + " ON " + dialect.identifier(table.name()) + " "
							+ index.definition());
				}
			}
		}
	}

	// A view that names another view comes after it.
	private static List<View> inDependencyOrder(List<View> views) {
		Map<String, View> pending = new LinkedHashMap<>();
		views.forEach((view) -> pending.put(view.name(), view));
		List<View> ordered = new ArrayList<>();
		while (!pending.isEmpty()) {
			View next = pending.values()
				.stream()
				.filter((view) -> pending.keySet()
					.stream()
					.noneMatch((other) -> !other.equals(view.name()) && names(view.definition(), other)))
				.findFirst()
				.orElse(pending.values().iterator().next());
			ordered.add(next);
			pending.remove(next.name());
		}
		return ordered;
	}

	private static boolean names(String definition, String name) {
		return Pattern
			.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])", Pattern.CASE_INSENSITIVE)
			.matcher(definition)
			.find();
	}

	/**
	 * A generated baseline.
	 *
	 * @param statements the statements that build the schema, without terminators, in an
	 * order that runs on an empty database
	 * @param notCarried what the schema holds that the statements leave out, counted
	 * ({@code 2 triggers}); empty if nothing
	 */
	public record Baseline(List<String> statements, List<String> notCarried) {

		/**
		 * What a baseline never carries, as a sentence's list.
		 * @return the kinds of objects
		 */
		public static String neverCarried() {
			return SchemaModel.NOT_CARRIED;
		}

	}

}
