package dev.migrations.schema;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import liquibase.CatalogAndSchema;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.DataType;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Relation;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;
import liquibase.structure.core.View;
import org.jspecify.annotations.Nullable;

/**
 * Compares two schemas with Liquibase's snapshot and diff: tables, columns (type,
 * nullability, default), primary keys, unique constraints, indexes, foreign keys, views
 * and sequences.
 */
public final class SchemaComparator {

	// The fields of a changed object that tell a real difference; the rest (column order,
	// remarks, snapshot ids)
	// differ between two databases built alike.
	private static final Set<String> FIELDS = Set.of("type", "nullable", "defaultValue", "autoIncrementInformation",
			"columns", "unique", "primaryKeyColumns", "foreignKeyColumns", "primaryKeyTable", "deleteRule",
			"updateRule", "definition", "startValue", "incrementBy", "minValue", "maxValue", "willCycle");

	// A cast as PostgreSQL prints it in a constraint: ::text, ::character varying,
	// ::text[].
	private static final Pattern CAST = Pattern.compile("::[a-z_]+(?: [a-z_]+)*(?:\\[\\])?");

	private static final Comparator<SchemaDifference> ORDER = Comparator
		.comparing((SchemaDifference difference) -> order(difference.type()))
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
	 * @return the differences, tables first
	 */
	public static List<SchemaDifference> compare(Connection expected, String expectedSchema, Connection actual,
			String actualSchema, Collection<String> excludedTables) {
		Set<String> excluded = excludedTables.stream()
			.map((table) -> table.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return LiquibaseSchemas.withDatabase(expected, "read the expected schema",
				(expectedDatabase) -> LiquibaseSchemas.withDatabase(actual, "read the live schema",
						(actualDatabase) -> {
							DatabaseSnapshot reference = LiquibaseSchemas.snapshot(expectedDatabase, expectedSchema);
							DatabaseSnapshot compared = LiquibaseSchemas.snapshot(actualDatabase, actualSchema);
							CompareControl.SchemaComparison schemas = new CompareControl.SchemaComparison(
									new CatalogAndSchema(expectedDatabase.getDefaultCatalogName(), expectedSchema),
									new CatalogAndSchema(actualDatabase.getDefaultCatalogName(), actualSchema));
							CompareControl control = new CompareControl(
									new CompareControl.SchemaComparison[] { schemas },
									new HashSet<>(Set.of(LiquibaseSchemas.TYPES)));
							DiffResult diff = DiffGeneratorFactory.getInstance().compare(reference, compared, control);
							List<SchemaDifference> differences = differences(diff, excluded, expectedSchema,
									actualSchema);
							differences.addAll(checks(CheckConstraints.read(expected, expectedSchema, excluded),
									CheckConstraints.read(actual, actualSchema, excluded), differences));
							differences.sort(ORDER);
							return differences;
						}));
	}

	private static List<SchemaDifference> differences(DiffResult diff, Set<String> excluded, String expectedSchema,
			String actualSchema) {
		Set<String> missingTables = names(diff.getMissingObjects());
		Set<String> unexpectedTables = names(diff.getUnexpectedObjects());
		List<SchemaDifference> differences = new ArrayList<>();
		for (DatabaseObject object : diff.getMissingObjects()) {
			add(differences, object, SchemaDifference.Kind.MISSING, unqualified(describe(object), expectedSchema), null,
					excluded, missingTables);
		}
		for (DatabaseObject object : diff.getUnexpectedObjects()) {
			add(differences, object, SchemaDifference.Kind.UNEXPECTED, null,
					unqualified(describe(object), actualSchema), excluded, unexpectedTables);
		}
		for (Map.Entry<DatabaseObject, ObjectDifferences> entry : diff.getChangedObjects().entrySet()) {
			List<Difference> relevant = entry.getValue()
				.getDifferences()
				.stream()
				.filter((difference) -> FIELDS.contains(difference.getField()))
				.filter((difference) -> !unqualified(difference.getReferenceValue(), expectedSchema)
					.equals(unqualified(difference.getComparedValue(), actualSchema)))
				.sorted(Comparator.comparing(Difference::getField))
				.toList();
			if (relevant.isEmpty() || entry.getKey() instanceof Table) {
				// A table "changes" when its columns do: each column reports itself.
				continue;
			}
			String expected = relevant.stream()
				.map((difference) -> label(difference.getField()) + " "
						+ unqualified(difference.getReferenceValue(), expectedSchema))
				.collect(Collectors.joining(", "));
			String actual = relevant.stream()
				.map((difference) -> label(difference.getField()) + " "
						+ unqualified(difference.getComparedValue(), actualSchema))
				.collect(Collectors.joining(", "));
			add(differences, entry.getKey(), SchemaDifference.Kind.CHANGED, expected, actual, excluded, Set.of());
		}
		return differences;
	}

	// Check constraints compared by table and name, and by definition as the database
	// prints it (both schemas are on
	// one server, so alike definitions print alike).
	private static List<SchemaDifference> checks(Map<CheckConstraints.Key, String> expected,
			Map<CheckConstraints.Key, String> actual, List<SchemaDifference> found) {
		Set<String> wholeTables = found.stream()
			.filter((difference) -> difference.table() == null)
			.map((difference) -> difference.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		List<SchemaDifference> differences = new ArrayList<>();
		expected.forEach((key, definition) -> {
			String live = actual.get(key);
			if (wholeTables.contains(key.table().toLowerCase(Locale.ROOT))) {
				return;
			}
			if (live == null) {
				differences.add(new SchemaDifference(SchemaDifference.Kind.MISSING, "check constraint", key.table(),
						key.name(), definition, null, null));
			}
			else if (!comparable(live).equals(comparable(definition))) {
				differences.add(new SchemaDifference(SchemaDifference.Kind.CHANGED, "check constraint", key.table(),
						key.name(), definition, live, null));
			}
		});
		actual.forEach((key, definition) -> {
			if (!expected.containsKey(key) && !wholeTables.contains(key.table().toLowerCase(Locale.ROOT))) {
				differences.add(new SchemaDifference(SchemaDifference.Kind.UNEXPECTED, "check constraint", key.table(),
						key.name(), null, definition, null));
			}
		});
		return differences;
	}

	private static void add(List<SchemaDifference> differences, DatabaseObject object, SchemaDifference.Kind kind,
			@Nullable String expected, @Nullable String actual, Set<String> excluded, Set<String> wholeTables) {
		String type = type(object);
		if (type == null) {
			return;
		}
		String table = table(object);
		String name = name(object);
		if (excluded.contains(name.toLowerCase(Locale.ROOT))
				|| (table != null && excluded.contains(table.toLowerCase(Locale.ROOT)))) {
			return;
		}
		if (object instanceof Column column && column.getRelation() instanceof View) {
			// A view's columns follow from its definition, compared as a whole.
			return;
		}
		if (table != null && wholeTables.contains(table.toLowerCase(Locale.ROOT))) {
			// The table itself is missing or unexpected: its columns, keys and indexes go
			// with it.
			return;
		}
		differences.add(new SchemaDifference(kind, type, table, name, expected, actual, null));
	}

	private static Set<String> names(Set<? extends DatabaseObject> objects) {
		return objects.stream()
			.filter((object) -> object instanceof Relation)
			.map((object) -> object.getName().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/**
	 * A check's definition without what printing it again changes: PostgreSQL prints
	 * {@code x IN ('a', 'b')} as
	 * {@code (x)::text = ANY ((ARRAY['a'::character varying, ...])::text[])}, and that,
	 * read back, with the casts moved. Casts, parentheses and spaces are left out of the
	 * comparison.
	 */
	static String comparable(String definition) {
		return CAST.matcher(definition).replaceAll("").replaceAll("[()\\s]", "");
	}

	private static @Nullable String type(DatabaseObject object) {
		if (object instanceof Table) {
			return "table";
		}
		if (object instanceof View) {
			return "view";
		}
		if (object instanceof Column) {
			return "column";
		}
		if (object instanceof PrimaryKey) {
			return "primary key";
		}
		if (object instanceof UniqueConstraint) {
			return "unique constraint";
		}
		if (object instanceof Index) {
			return "index";
		}
		if (object instanceof ForeignKey) {
			return "foreign key";
		}
		if (object instanceof Sequence) {
			return "sequence";
		}
		return null;
	}

	private static int order(String type) {
		return List
			.of("table", "view", "column", "primary key", "unique constraint", "check constraint", "foreign key",
					"index", "sequence")
			.indexOf(type);
	}

	static @Nullable String table(DatabaseObject object) {
		if (object instanceof Column column) {
			return (column.getRelation() != null) ? column.getRelation().getName() : null;
		}
		if (object instanceof PrimaryKey key) {
			return (key.getTable() != null) ? key.getTable().getName() : null;
		}
		if (object instanceof UniqueConstraint constraint) {
			return (constraint.getRelation() != null) ? constraint.getRelation().getName() : null;
		}
		if (object instanceof Index index) {
			return (index.getRelation() != null) ? index.getRelation().getName() : null;
		}
		if (object instanceof ForeignKey key) {
			return (key.getForeignKeyTable() != null) ? key.getForeignKeyTable().getName() : null;
		}
		return null;
	}

	private static String name(DatabaseObject object) {
		if (object.getName() != null) {
			return object.getName();
		}
		if (object instanceof Index index) {
			return "(" + columns(index.getColumns()) + ")";
		}
		return "?";
	}

	/**
	 * An object as a reviewer reads it: a column's type, nullability and default, a key's
	 * columns.
	 */
	static String describe(DatabaseObject object) {
		if (object instanceof Column column) {
			StringBuilder text = new StringBuilder(typeOf(column));
			if (Boolean.FALSE.equals(column.isNullable())) {
				text.append(" NOT NULL");
			}
			if (column.getDefaultValue() != null) {
				text.append(" DEFAULT ").append(text(column.getDefaultValue()));
			}
			if (column.getAutoIncrementInformation() != null) {
				text.append(" GENERATED AS IDENTITY");
			}
			return text.toString();
		}
		if (object instanceof PrimaryKey key) {
			return "(" + columns(key.getColumns()) + ")";
		}
		if (object instanceof UniqueConstraint constraint) {
			return "UNIQUE (" + columns(constraint.getColumns()) + ")";
		}
		if (object instanceof Index index) {
			return (Boolean.TRUE.equals(index.isUnique()) ? "UNIQUE " : "") + "(" + columns(index.getColumns()) + ")";
		}
		if (object instanceof ForeignKey key) {
			return "(" + columns(key.getForeignKeyColumns()) + ") REFERENCES "
					+ ((key.getPrimaryKeyTable() != null) ? key.getPrimaryKeyTable().getName() : "?") + " ("
					+ columns(key.getPrimaryKeyColumns()) + ")"
					+ ((key.getDeleteRule() != null) ? " ON DELETE " + text(key.getDeleteRule()) : "");
		}
		if (object instanceof View view) {
			return (view.getDefinition() != null) ? view.getDefinition().trim() : "a view";
		}
		if (object instanceof Sequence) {
			return "a sequence";
		}
		return "a table";
	}

	static String typeOf(Column column) {
		return (column.getType() != null) ? typeText(column.getType()) : "?";
	}

	// The type as written in DDL: Liquibase's own text adds a length unit (BYTE) that no
	// DDL here uses.
	static String typeText(DataType type) {
		String text = type.toString();
		return text.replace(" BYTE)", ")").replace(" CHAR)", ")");
	}

	private static String columns(@Nullable List<Column> columns) {
		if (columns == null) {
			return "";
		}
		return columns.stream().map(Column::getName).collect(Collectors.joining(", "));
	}

	private static String label(String field) {
		return switch (field) {
			case "defaultValue" -> "default";
			case "autoIncrementInformation" -> "identity";
			case "nullable" -> "nullable";
			default -> field;
		};
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "none";
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream()
				.map((item) -> (item instanceof DatabaseObject object) ? object.getName() : String.valueOf(item))
				.collect(Collectors.joining(", ", "(", ")"));
		}
		if (value instanceof DatabaseObject object) {
			return object.getName();
		}
		if (value instanceof DataType type) {
			return typeText(type);
		}
		return String.valueOf(value);
	}

	// A value's text without its own database's name: MariaDB and MySQL print a view's
	// definition with every name qualified by it, and the scratch database's differs.
	// MariaDB gives a nullable column without a default the default NULL: the same as
	// none.
	private static String unqualified(@Nullable Object value, String schema) {
		String text = text(value).replace("`" + schema + "`.", "");
		return text.equalsIgnoreCase("NULL") ? text(null) : text;
	}

}
