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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migrations.SchemaDifference;
import dev.migrations.internal.schema.SchemaModel.Column;
import dev.migrations.internal.schema.SchemaModel.Constraint;
import dev.migrations.internal.schema.SchemaModel.Index;
import dev.migrations.internal.schema.SchemaModel.Sequence;
import dev.migrations.internal.schema.SchemaModel.Table;
import dev.migrations.internal.schema.SchemaModel.View;

/**
 * Compares two schemas, each read into a {@link SchemaModel} (the model the baseline
 * generator writes from): tables, columns (type, nullability, default, identity,
 * generation), primary keys, unique, check, exclusion and foreign key constraints,
 * indexes (uniqueness and their whole definition), views (their query) and sequences
 * (type, start, increment, limits, cycling, cache, owner).
 *
 * @author Migrations for Spring Boot contributors
 */
public final class SchemaComparator {

	// A cast as PostgreSQL prints it: ::text, ::character varying, ::text[].
	private static final Pattern CAST = Pattern.compile("::[a-z_]+(?: [a-z_]+)*(?:\\[\\])?");

	private static final List<String> TYPES = List.of("table", "view", "column", "primary key", "unique constraint",
			"check constraint", "exclusion constraint", "foreign key", "index", "sequence");

	private static final Comparator<SchemaDifference> ORDER = Comparator
		.comparing((SchemaDifference difference) -> TYPES.indexOf(difference.type()))
		.thenComparing((difference) -> String.valueOf(difference.table()))
		.thenComparing(SchemaDifference::name);

	private SchemaComparator() {
	}

	/**
	 * The differences of a live schema from an expected one.
	 * @param expected a connection to the database that holds the expected schema
	 * @param expectedSchema the expected schema's name
	 * @param actual a connection to the live database
	 * @param actualSchema the live schema's name
	 * @param excludedTables tables left out on both sides (history and lock tables), any
	 * case
	 * @return the differences, tables first, and what was not compared
	 */
	public static Comparison compare(Connection expected, String expectedSchema, Connection actual, String actualSchema,
			Collection<String> excludedTables) {
		Set<String> excluded = excludedTables.stream()
			.map((table) -> table.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		SchemaModel expectedModel = SchemaReader.of(expected, "read the expected schema")
			.readOrFail(expected, expectedSchema, excluded, "read the expected schema");
		SchemaModel actualModel = SchemaReader.of(actual, "read the live schema")
			.readOrFail(actual, actualSchema, excluded, "read the live schema");
		return new Comparison(compare(expectedModel, actualModel), notCompared(expectedModel, actualModel));
	}

	static List<SchemaDifference> compare(SchemaModel expected, SchemaModel actual) {
		List<SchemaDifference> differences = new ArrayList<>();
		Map<String, Table> expectedTables = byName(expected.tables(), Table::name);
		Map<String, Table> actualTables = byName(actual.tables(), Table::name);
		compare(differences, "table", null, expectedTables, actualTables, (table) -> "a table", (a, b) -> null);
		expectedTables.forEach((name, table) -> {
			Table live = actualTables.get(name);
			if (live != null) {
				compareMembers(differences, table, live);
			}
		});
		compare(differences, "view", null, byName(expected.views(), View::name), byName(actual.views(), View::name),
				SchemaComparator::describe, (a, b) -> comparable(a.definition()).equals(comparable(b.definition()))
						? null : new String[] { describe(a), describe(b) });
		compare(differences, "sequence", null, byName(expected.sequences(), Sequence::name),
				byName(actual.sequences(), Sequence::name), SchemaComparator::describe, SchemaComparator::changes);
		differences.sort(ORDER);
		return differences;
	}

	private static void compareMembers(List<SchemaDifference> differences, Table expected, Table actual) {
		compare(differences, "column", expected.name(), byName(expected.columns(), Column::name),
				byName(actual.columns(), Column::name), BaselineGenerator::column, SchemaComparator::changes);
		for (Constraint.Kind kind : Constraint.Kind.values()) {
			compare(differences, kind.label(), expected.name(), constraints(expected, kind), constraints(actual, kind),
					Constraint::definition, (a, b) -> comparable(a.definition()).equals(comparable(b.definition()))
							? null : new String[] { a.definition(), b.definition() });
		}
		compare(differences, "index", expected.name(), byName(expected.indexes(), Index::name),
				byName(actual.indexes(), Index::name), SchemaComparator::describe,
				(a, b) -> (a.kind().equals(b.kind()) && comparable(a.definition()).equals(comparable(b.definition())))
						? null : new String[] { describe(a), describe(b) });
	}

	// A constraint the database named itself is known by what it is: its name differs
	// between two databases built alike.
	private static Map<String, Constraint> constraints(Table table, Constraint.Kind kind) {
		Map<String, Constraint> constraints = new LinkedHashMap<>();
		table.constraints()
			.stream()
			.filter((constraint) -> constraint.kind() == kind)
			.forEach((constraint) -> constraints.put(
					constraint.namedByDatabase() ? "\u0000" + comparable(constraint.definition()) : constraint.name(),
					constraint));
		return constraints;
	}

	private static <T> void compare(List<SchemaDifference> differences, String type, @Nullable String table,
			Map<String, T> expected, Map<String, T> actual, Function<T, String> describe, Changes<T> changes) {
		expected.forEach((key, object) -> {
			T live = actual.get(key);
			if (live == null) {
				differences.add(new SchemaDifference(SchemaDifference.Kind.MISSING, type, table, name(object),
						describe.apply(object), null, null));
				return;
			}
			String[] changed = changes.of(object, live);
			if (changed != null) {
				differences.add(new SchemaDifference(SchemaDifference.Kind.CHANGED, type, table, name(object),
						changed[0], changed[1], null));
			}
		});
		actual.forEach((key, object) -> {
			if (!expected.containsKey(key)) {
				differences.add(new SchemaDifference(SchemaDifference.Kind.UNEXPECTED, type, table, name(object), null,
						describe.apply(object), null));
			}
		});
	}

	private static String name(Object object) {
		if (object instanceof Table table) {
			return table.name();
		}
		if (object instanceof Column column) {
			return column.name();
		}
		if (object instanceof Constraint constraint) {
			return constraint.name();
		}
		if (object instanceof Index index) {
			return index.name();
		}
		if (object instanceof View view) {
			return view.name();
		}
		return (object instanceof Sequence sequence) ? sequence.name() : String.valueOf(object);
	}

	private static String @Nullable [] changes(Column expected, Column actual) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("default", new String[] { text(expected.defaultValue()), text(actual.defaultValue()) });
		fields.put("generated", new String[] { text(expected.generated()), text(actual.generated()) });
		fields.put("identity", new String[] { text(expected.identity()), text(actual.identity()) });
		fields.put("nullable", new String[] { String.valueOf(expected.nullable()), String.valueOf(actual.nullable()) });
		fields.put("type", new String[] { expected.type(), actual.type() });
		return changes(fields);
	}

	private static String @Nullable [] changes(Sequence expected, Sequence actual) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("type", new String[] { expected.type(), actual.type() });
		fields.put("start", new String[] { "" + expected.start(), "" + actual.start() });
		fields.put("increment", new String[] { "" + expected.increment(), "" + actual.increment() });
		fields.put("minimum", new String[] { "" + expected.minimum(), "" + actual.minimum() });
		fields.put("maximum", new String[] { "" + expected.maximum(), "" + actual.maximum() });
		fields.put("cycle", new String[] { "" + expected.cycle(), "" + actual.cycle() });
		fields.put("cache", new String[] { "" + expected.cache(), "" + actual.cache() });
		fields.put("owned by", new String[] { text(expected.ownedBy()), text(actual.ownedBy()) });
		return changes(fields);
	}

	// The fields that differ, as "type numeric(10, 2), nullable true" on each side.
	private static String @Nullable [] changes(Map<String, String[]> fields) {
		List<String> expected = new ArrayList<>();
		List<String> actual = new ArrayList<>();
		fields.forEach((field, values) -> {
			if (!comparable(values[0]).equals(comparable(values[1]))) {
				expected.add(field + " " + values[0]);
				actual.add(field + " " + values[1]);
			}
		});
		return expected.isEmpty() ? null : new String[] { String.join(", ", expected), String.join(", ", actual) };
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "none";
	}

	// A view's query on one line, as a note reads it.
	static String describe(View view) {
		return view.definition().replaceAll("\\s+", " ");
	}

	static String describe(Index index) {
		return (index.kind().isEmpty() ? "" : index.kind() + " ") + index.definition();
	}

	static String describe(Sequence sequence) {
		return sequence.type() + " START WITH " + sequence.start() + " INCREMENT BY " + sequence.increment()
				+ " MINVALUE " + sequence.minimum() + " MAXVALUE " + sequence.maximum()
				+ (sequence.cycle() ? " CYCLE" : "") + " CACHE " + sequence.cache()
				+ ((sequence.ownedBy() != null) ? " OWNED BY " + sequence.ownedBy() : "");
	}

	/**
	 * A definition without what printing it again changes: PostgreSQL prints
	 * {@code x IN ('a', 'b')} as
	 * {@code (x)::text = ANY ((ARRAY['a'::character varying, ...])::text[])}, and that,
	 * read back, with the casts moved. Casts, parentheses and spaces are left out of the
	 * comparison.
	 * @param definition the definition
	 * @return the string
	 */
	static String comparable(String definition) {
		return CAST.matcher(definition).replaceAll("").replaceAll("[()\\s]", "");
	}

	private static <T> Map<String, T> byName(List<T> objects, Function<T, String> name) {
		Map<String, T> map = new LinkedHashMap<>();
		objects.forEach((object) -> map.put(name.apply(object), object));
		return map;
	}

	private static String notCompared(SchemaModel expected, SchemaModel actual) {
		String found = actual.notCarried().isEmpty() ? "the live schema has none of them"
				: "the live schema has " + String.join(", ", actual.notCarried());
		if (!Objects.equals(expected.notCarried(), actual.notCarried())) {
			found += expected.notCarried().isEmpty() ? "; the revisions' schema has none of them"
					: "; the revisions' schema has " + String.join(", ", expected.notCarried());
		}
		return "not compared: " + SchemaModel.NOT_CARRIED + " (" + found + ")";
	}

	@FunctionalInterface
	private interface Changes<T> {

		/**
		 * What differs, as {expected, actual}, or {@code null} if nothing.
		 * @param actual the actual
		 * @param expected the expected
		 * @return the
		 */
		String @Nullable [] of(T expected, T actual);

	}

	/**
	 * How two schemas compare.
	 *
	 * @param differences the differences, tables first
	 * @param notCompared what the comparison leaves out, and what of it the schemas hold,
	 * as a note: {@code not compared: triggers, ... (the live schema has 2 triggers)}
	 */
	public record Comparison(List<SchemaDifference> differences, String notCompared) {
	}

}
