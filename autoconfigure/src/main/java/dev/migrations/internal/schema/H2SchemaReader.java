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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.internal.schema.SchemaModel.Column;
import dev.migrations.internal.schema.SchemaModel.Constraint;
import dev.migrations.internal.schema.SchemaModel.Index;
import dev.migrations.internal.schema.SchemaModel.Sequence;
import dev.migrations.internal.schema.SchemaModel.Table;
import dev.migrations.internal.schema.SchemaModel.View;

/**
 * Reads an H2 2.x schema from {@code INFORMATION_SCHEMA}. Indexes H2 made for a
 * constraint itself ({@code IS_GENERATED}) belong to the constraint, not to the model;
 * constraints H2 named itself ({@code CONSTRAINT_8A}) are marked so.
 *
 * @author Migrations for Spring Boot contributors
 */
final class H2SchemaReader implements SchemaReader {

	private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+", Pattern.CASE_INSENSITIVE);

	// H2's keywords: a name spelled like one must be quoted.
	private static final Set<String> KEYWORDS = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC",
			"AUTHORIZATION", "BETWEEN", "BOTH", "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG",
			"CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
			"CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR",
			"FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT",
			"INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MINUS",
			"MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION", "PRIMARY",
			"QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT", "SESSION_USER", "SET",
			"SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP", "TRAILING", "TRUE", "UESCAPE", "UNION", "UNIQUE",
			"UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_");

	private final boolean lowerCase;

	H2SchemaReader(boolean lowerCase) {
		this.lowerCase = lowerCase;
	}

	@Override
	public String identifier(String name) {
		String plain = this.lowerCase ? "[a-z_][a-z0-9_]*" : "[A-Z_][A-Z0-9_]*";
		if (name.matches(plain) && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
			return name;
		}
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	@Override
	public SchemaModel read(Connection connection, String schema, Set<String> excludedTables) throws SQLException {
		Map<String, List<Column>> columns = new LinkedHashMap<>();
		Map<String, List<Constraint>> constraints = new LinkedHashMap<>();
		Map<String, List<Index>> indexes = new LinkedHashMap<>();
		List<String> tableNames = new ArrayList<>();
		List<View> views = new ArrayList<>();
		CatalogQueries.query(connection, """
				SELECT t.TABLE_NAME, t.TABLE_TYPE, v.VIEW_DEFINITION FROM INFORMATION_SCHEMA.TABLES t
				LEFT JOIN INFORMATION_SCHEMA.VIEWS v ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
				WHERE t.TABLE_SCHEMA = ? ORDER BY t.TABLE_NAME""", schema, (row) -> {
			String name = row.getString(1);
			if (excludedTables.contains(name.toLowerCase(Locale.ROOT))) {
				return;
			}
			if ("VIEW".equals(row.getString(2))) {
				views.add(new View(name, unqualified(row.getString(3), schema)));
			}
			else if ("BASE TABLE".equals(row.getString(2))) {
				tableNames.add(name);
			}
		});
		Map<String, String> enums = enumTypes(connection, schema);
		Map<String, String> arrays = elementTypes(connection, schema);
		CatalogQueries.query(connection, "SELECT * FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? "
				+ "ORDER BY TABLE_NAME, ORDINAL_POSITION", schema, (row) -> {
					String table = row.getString("TABLE_NAME");
					if (!tableNames.contains(table)) {
						return;
					}
					String dtd = table + "/" + row.getString("DTD_IDENTIFIER");
					String type = (row.getString("DOMAIN_NAME") != null) ? identifier(row.getString("DOMAIN_NAME"))
							: type(row, enums.get(dtd), arrays.get(dtd));
					String identity = null;
					if ("YES".equals(row.getString("IS_IDENTITY"))) {
						identity = "GENERATED " + row.getString("IDENTITY_GENERATION") + " AS IDENTITY"
								+ identityOptions(row.getLong("IDENTITY_START"), row.getLong("IDENTITY_INCREMENT"));
					}
					String generated = "ALWAYS".equals(row.getString("IS_GENERATED")) ? "GENERATED ALWAYS AS ("
							+ unqualified(row.getString("GENERATION_EXPRESSION"), schema) + ")" : null;
					String onUpdate = row.getString("COLUMN_ON_UPDATE");
					String defaultValue = unqualified(row.getString("COLUMN_DEFAULT"), schema);
					if (onUpdate != null) {
						// H2's own clause, kept with the default so that both are written
						// and compared.
						defaultValue = ((defaultValue != null) ? defaultValue : "NULL") + " ON UPDATE " + onUpdate;
					}
					columns.computeIfAbsent(table, (key) -> new ArrayList<>())
						.add(new Column(row.getString("COLUMN_NAME"), type, defaultValue,
								"YES".equals(row.getString("IS_NULLABLE")), identity, generated));
				});
		readConstraints(connection, schema, tableNames, constraints);
		Map<String, List<String>> indexKeys = new LinkedHashMap<>();
		CatalogQueries.query(connection,
				"""
						SELECT c.TABLE_NAME, c.INDEX_NAME, c.COLUMN_NAME, c.ORDERING_SPECIFICATION, c.NULL_ORDERING
						FROM INFORMATION_SCHEMA.INDEX_COLUMNS c JOIN INFORMATION_SCHEMA.INDEXES i
						ON i.INDEX_SCHEMA = c.INDEX_SCHEMA AND i.INDEX_NAME = c.INDEX_NAME
						WHERE c.TABLE_SCHEMA = ? AND NOT i.IS_GENERATED ORDER BY c.TABLE_NAME, c.INDEX_NAME, c.ORDINAL_POSITION""",
				schema, (row) -> {
					String key = identifier(row.getString(3));
					boolean descending = "DESC".equals(row.getString(4));
					if (descending) {
						key += " DESC";
					}
					// Written only where it is not H2's default (nulls low: first
					// ascending, last descending).
					String nulls = row.getString(5);
					if (nulls != null && !nulls.equals(descending ? "LAST" : "FIRST")) {
						key += " NULLS " + nulls;
					}
					indexKeys.computeIfAbsent(row.getString(1) + "\u0000" + row.getString(2), (k) -> new ArrayList<>())
						.add(key);
				});
		CatalogQueries.query(connection, """
				SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME, NULLS_DISTINCT FROM INFORMATION_SCHEMA.INDEXES
				WHERE TABLE_SCHEMA = ? AND NOT IS_GENERATED ORDER BY TABLE_NAME, INDEX_NAME""", schema, (row) -> {
			String table = row.getString(1);
			if (!tableNames.contains(table)) {
				return;
			}
			String type = row.getString(3);
			String method = type.startsWith("SPATIAL") ? "SPATIAL " : (type.startsWith("HASH") ? "HASH " : "");
			List<String> keys = indexKeys.getOrDefault(table + "\u0000" + row.getString(2), List.of());
			indexes.computeIfAbsent(table, (key) -> new ArrayList<>())
				.add(new Index(row.getString(2),
						type.contains("UNIQUE") ? "UNIQUE" + nullsDistinct(row.getString(4)) : "",
						method + "(" + String.join(", ", keys) + ")"));
		});
		List<Table> tables = tableNames.stream()
			.map((name) -> new Table(name, columns.getOrDefault(name, List.of()),
					constraints.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of())))
			.toList();
		List<Sequence> sequences = new ArrayList<>();
		CatalogQueries.query(connection,
				"""
						SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION, CACHE
						FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? ORDER BY SEQUENCE_NAME""",
				schema,
				(row) -> sequences.add(new Sequence(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
						row.getLong(5), row.getLong(6), "YES".equals(row.getString(7)), row.getLong(8), null)));
		return new SchemaModel(tables, views, sequences, notCarried(connection, schema));
	}

	private void readConstraints(Connection connection, String schema, List<String> tableNames,
			Map<String, List<Constraint>> constraints) throws SQLException {
		Map<String, List<String>> keyColumns = new LinkedHashMap<>();
		Map<String, String> constraintTables = new LinkedHashMap<>();
		CatalogQueries.query(connection,
				"""
						SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.TABLE_NAME, k.TABLE_SCHEMA FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
						ORDER BY k.CONSTRAINT_SCHEMA, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""",
				null, (row) -> {
					String key = row.getString(4) + "." + row.getString(1);
					keyColumns.computeIfAbsent(key, (k) -> new ArrayList<>()).add(identifier(row.getString(2)));
					constraintTables.put(key,
							(row.getString(4).equals(schema) ? "" : identifier(row.getString(4)) + ".")
									+ identifier(row.getString(3)));
				});
		CatalogQueries.query(connection,
				"""
						SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, cc.CHECK_CLAUSE,
						rc.UNIQUE_CONSTRAINT_SCHEMA, rc.UNIQUE_CONSTRAINT_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, tc.NULLS_DISTINCT
						FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
						LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
						ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
						LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
						ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
						WHERE tc.TABLE_SCHEMA = ? ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME""",
				schema, (row) -> {
					String table = row.getString(1);
					if (!tableNames.contains(table)) {
						return;
					}
					String name = row.getString(2);
					String columns = String.join(", ", keyColumns.getOrDefault(schema + "." + name, List.of()));
					Constraint constraint = switch (row.getString(3)) {
						case "PRIMARY KEY" ->
							constraint(Constraint.Kind.PRIMARY_KEY, name, "PRIMARY KEY (" + columns + ")");
						case "UNIQUE" -> constraint(Constraint.Kind.UNIQUE, name,
								"UNIQUE" + nullsDistinct(row.getString(9)) + " (" + columns + ")");
						case "CHECK" -> constraint(Constraint.Kind.CHECK, name,
								"CHECK (" + unqualified(row.getString(4), schema) + ")");
						case "FOREIGN KEY" -> {
							String referenced = row.getString(5) + "." + row.getString(6);
							String definition = "FOREIGN KEY (" + columns + ") REFERENCES "
									+ constraintTables.get(referenced) + " ("
									+ String.join(", ", keyColumns.getOrDefault(referenced, List.of())) + ")";
							definition += rule("ON DELETE", row.getString(8)) + rule("ON UPDATE", row.getString(7));
							yield constraint(Constraint.Kind.FOREIGN_KEY, name, definition);
						}
						default -> null;
					};
					if (constraint != null) {
						constraints.computeIfAbsent(table, (key) -> new ArrayList<>()).add(constraint);
					}
				});
	}

	// H2's NULLS_DISTINCT: YES (the default), NO or ALL.
	private static String nullsDistinct(@Nullable String value) {
		if ("NO".equals(value)) {
			return " NULLS NOT DISTINCT";
		}
		return "ALL".equals(value) ? " NULLS ALL DISTINCT" : "";
	}

	private static Constraint constraint(Constraint.Kind kind, String name, String definition) {
		return new Constraint(kind, name, GENERATED_NAME.matcher(name).matches(), definition);
	}

	private static String rule(String clause, @Nullable String rule) {
		return (rule == null || rule.equals("NO ACTION")) ? "" : " " + clause + " " + rule;
	}

	private static String identityOptions(long start, long increment) {
		if (start == 1 && increment == 1) {
			return "";
		}
		return " (START WITH " + start + " INCREMENT BY " + increment + ")";
	}

	/**
	 * A column's (or an array element's) type as DDL writes it, from the columns that
	 * {@code COLUMNS} and {@code ELEMENT_TYPES} share.
	 * @param element the element
	 * @param enumValues the enum values
	 * @param row the row
	 * @return the string
	 */
	private static String type(ResultSet row, @Nullable String enumValues, @Nullable String element)
			throws SQLException {
		String type = row.getString("DATA_TYPE");
		switch (type) {
			case "CHARACTER VARYING", "CHARACTER", "VARCHAR_IGNORECASE", "BINARY VARYING", "BINARY" -> {
				return type + "(" + row.getLong("CHARACTER_MAXIMUM_LENGTH") + ")";
			}
			case "CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT" -> {
				long length = row.getLong("CHARACTER_MAXIMUM_LENGTH");
				return (length == Long.MAX_VALUE) ? type : type + "(" + length + ")";
			}
			case "NUMERIC", "DECIMAL", "DECFLOAT", "DOUBLE PRECISION", "REAL", "FLOAT" -> {
				String declared = row.getString("DECLARED_DATA_TYPE");
				declared = (declared != null) ? declared : type;
				Object precision = row.getObject("DECLARED_NUMERIC_PRECISION");
				Object scale = row.getObject("DECLARED_NUMERIC_SCALE");
				if (precision == null) {
					return declared;
				}
				return declared + "(" + precision + ((scale != null) ? ", " + scale : "") + ")";
			}
			case "TIMESTAMP", "TIME", "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE" -> {
				int precision = row.getInt("DATETIME_PRECISION");
				int standard = type.startsWith("TIMESTAMP") ? 6 : 0;
				if (precision == standard) {
					return type;
				}
				return type.replaceFirst("^(TIMESTAMP|TIME)", "$1(" + precision + ")");
			}
			case "INTERVAL" -> {
				return "INTERVAL " + row.getString("INTERVAL_TYPE");
			}
			case "ENUM" -> {
				return (enumValues != null) ? "ENUM(" + enumValues + ")" : type;
			}
			case "ARRAY" -> {
				Object cardinality = row.getObject("MAXIMUM_CARDINALITY");
				return ((element != null) ? element : "") + " ARRAY"
						+ ((cardinality != null) ? "[" + cardinality + "]" : "");
			}
			default -> {
				return type;
			}
		}
	}

	private static Map<String, String> enumTypes(Connection connection, String schema) throws SQLException {
		Map<String, List<String>> values = new LinkedHashMap<>();
		CatalogQueries.query(connection,
				"""
						SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES
						WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL""",
				schema,
				(row) -> values.computeIfAbsent(row.getString(1) + "/" + row.getString(2), (k) -> new ArrayList<>())
					.add("'" + row.getString(3).replace("'", "''") + "'"));
		Map<String, String> types = new LinkedHashMap<>();
		values.forEach((key, list) -> types.put(key, String.join(", ", list)));
		return types;
	}

	private static Map<String, String> elementTypes(Connection connection, String schema) throws SQLException {
		Map<String, String> types = new LinkedHashMap<>();
		CatalogQueries.query(connection,
				"SELECT * FROM INFORMATION_SCHEMA.ELEMENT_TYPES WHERE OBJECT_SCHEMA = ? " + "AND OBJECT_TYPE = 'TABLE'",
				schema, (row) -> {
					try {
						types.put(row.getString("OBJECT_NAME") + "/" + row.getString("COLLECTION_TYPE_IDENTIFIER"),
								type(row, null, null));
					}
					catch (SQLException ex) {
						// a column this version of H2 does not have: the element's bare
						// type
						types.put(row.getString("OBJECT_NAME") + "/" + row.getString("COLLECTION_TYPE_IDENTIFIER"),
								row.getString("DATA_TYPE"));
					}
				});
		return types;
	}

	// H2 prints names in views, checks and defaults with their schema: the file builds
	// its objects wherever it runs.
	private static @Nullable String unqualified(@Nullable String sql, String schema) {
		if (sql == null) {
			return null;
		}
		return sql.replace("\"" + schema.replace("\"", "\"\"") + "\".", "").trim();
	}

	private List<String> notCarried(Connection connection, String schema) {
		List<String> found = new ArrayList<>();
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
				schema, "trigger", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ?",
				schema, "function", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = ?",
				schema, "domain", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.CONSTANTS WHERE CONSTANT_SCHEMA = ?",
				schema, "constant", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYNONYMS WHERE SYNONYM_SCHEMA = ?",
				schema, "synonym", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.RIGHTS WHERE TABLE_SCHEMA = ?",
				schema, "grant", found);
		CatalogQueries.count(connection, """
				SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?1 AND REMARKS <> '')
				+ (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?1 AND REMARKS <> '')""",
				schema, "comment", found);
		return found;
	}

}
