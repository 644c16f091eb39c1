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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Reads a MariaDB or MySQL database (the {@code schema} is the database's name) from
 * {@code information_schema}, with definitions written as MariaDB reads them: backtick
 * quoting, {@code AUTO_INCREMENT}, index key parts with their prefix length and order.
 * <p>
 * A unique key is one thing on MariaDB, whether made by {@code UNIQUE (...)} or
 * {@code CREATE UNIQUE INDEX}: the catalog lists both as a unique constraint, and so does
 * the model.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MariaDbSchemaReader implements SchemaReader {

	// Used when the server has no information_schema.KEYWORDS (before MariaDB 10.6).
	private static final Set<String> RESERVED = Set.of("ADD", "ALL", "ALTER", "AND", "AS", "ASC", "BETWEEN", "BY",
			"CASE", "CHECK", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP",
			"ELSE", "EXISTS", "FOREIGN", "FROM", "GROUP", "HAVING", "IN", "INDEX", "INNER", "INSERT", "INTERVAL",
			"INTO", "IS", "JOIN", "KEY", "KEYS", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER",
			"PRIMARY", "REFERENCES", "RIGHT", "SELECT", "SET", "TABLE", "THEN", "TO", "UNION", "UNIQUE", "UPDATE",
			"USING", "VALUES", "WHEN", "WHERE", "WITH");

	private final Set<String> keywords = new HashSet<>();

	private final boolean mySql;

	MariaDbSchemaReader(Connection connection, boolean mySql) {
		this.mySql = mySql;
		try {
			CatalogQueries.query(connection, "SELECT WORD FROM information_schema.KEYWORDS", null,
					(row) -> this.keywords.add(row.getString(1).toUpperCase(Locale.ROOT)));
		}
		catch (SQLException ex) {
			this.keywords.addAll(RESERVED);
		}
	}

	@Override
	public String identifier(String name) {
		if (name.matches("[A-Za-z_][A-Za-z0-9_$]*") && !this.keywords.contains(name.toUpperCase(Locale.ROOT))) {
			return name;
		}
		return "`" + name.replace("`", "``") + "`";
	}

	@Override
	public SchemaModel read(Connection connection, String schema, Set<String> excludedTables) throws SQLException {
		List<String> tableNames = new ArrayList<>();
		List<String> sequenceNames = new ArrayList<>();
		CatalogQueries.query(connection, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
				+ "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", schema, (row) -> {
					String name = row.getString(1);
					if ("SEQUENCE".equals(row.getString(2))) {
						sequenceNames.add(name);
					}
					else if ("BASE TABLE".equals(row.getString(2))
							&& !excludedTables.contains(name.toLowerCase(Locale.ROOT))) {
						tableNames.add(name);
					}
				});
		Map<String, List<Column>> columns = new LinkedHashMap<>();
		CatalogQueries.query(connection, """
				SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION,
				  DATA_TYPE
				FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION""", schema,
				(row) -> columns.computeIfAbsent(row.getString(1), (key) -> new ArrayList<>())
					.add(column(row, this.mySql)));
		Map<String, List<Constraint>> constraints = new LinkedHashMap<>();
		Map<String, List<Index>> indexes = new LinkedHashMap<>();
		Map<String, List<List<String>>> foreignKeys = foreignKeys(connection, schema, constraints);
		readKeys(connection, schema, constraints, indexes, foreignKeys);
		// MySQL's CHECK_CONSTRAINTS has no table (a check's name is unique in the
		// database there); MariaDB's has, and a column's check is named after the column.
		String checks = this.mySql
				? """
						SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE, 'Table' FROM information_schema.CHECK_CONSTRAINTS c
						JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
						  AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'
						WHERE c.CONSTRAINT_SCHEMA = ? ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME"""
				: """
						SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM information_schema.CHECK_CONSTRAINTS
						WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME""";
		CatalogQueries.query(connection, checks, schema, (row) -> {
			String name = row.getString(2);
			// A column's check is named after the column, one written without a name
			// CONSTRAINT_1: names the database chose, so the check is known by its
			// definition.
			boolean namedByDatabase = "Column".equalsIgnoreCase(row.getString(4)) || name.matches("CONSTRAINT_\\d+");
			constraints.computeIfAbsent(row.getString(1), (key) -> new ArrayList<>())
				.add(new Constraint(Constraint.Kind.CHECK, name, namedByDatabase, "CHECK (" + row.getString(3) + ")"));
		});
		List<Table> tables = new ArrayList<>();
		for (String name : tableNames) {
			tables.add(new Table(name, columns.getOrDefault(name, List.of()), constraints.getOrDefault(name, List.of()),
					indexes.getOrDefault(name, List.of())));
		}
		List<View> views = new ArrayList<>();
		// MariaDB qualifies every name with its database: the database's own qualifier is
		// left out, so that the scratch database's view reads like the live one's.
		String qualifier = "`" + schema.replace("`", "``") + "`.";
		CatalogQueries.query(connection,
				"SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? "
						+ "ORDER BY TABLE_NAME",
				schema,
				(row) -> views.add(new View(row.getString(1), row.getString(2).replace(qualifier, "").strip())));
		List<Sequence> sequences = new ArrayList<>();
		for (String name : sequenceNames) {
			sequences.add(sequence(connection, qualifier, name));
		}
		return new SchemaModel(tables, views, sequences, notCarried(connection, schema));
	}

	private static Column column(ResultSet row, boolean mySql) throws SQLException {
		// decimal(10,2) as people write it: decimal(10, 2)
		String type = row.getString(3).replaceAll("\\((\\d+),(\\d+)\\)", "($1, $2)");
		String extra = row.getString(6).toLowerCase(Locale.ROOT);
		boolean nullable = "YES".equals(row.getString(4));
		String defaultValue = row.getString(5);
		// MariaDB reports NULL as the default of a nullable column without one.
		if ("NULL".equalsIgnoreCase(defaultValue)) {
			defaultValue = null;
		}
		if (mySql && defaultValue != null) {
			defaultValue = mySqlDefault(defaultValue, extra, row.getString(8));
		}
		int onUpdate = extra.indexOf("on update ");
		if (onUpdate >= 0) {
			defaultValue = ((defaultValue != null) ? defaultValue + " " : "NULL ")
					+ row.getString(6).substring(onUpdate).toUpperCase(Locale.ROOT);
		}
		if (nullable && type.startsWith("timestamp")) {
			// Unless explicit_defaults_for_timestamp is on, a timestamp column is NOT
			// NULL when DDL does not say NULL: said with the type, so a baseline keeps it
			// nullable on any server.
			type += " NULL";
		}
		String identity = extra.contains("auto_increment") ? "AUTO_INCREMENT" : null;
		String generated = null;
		if (extra.contains("generated") && row.getString(7) != null) {
			generated = "GENERATED ALWAYS AS (" + row.getString(7) + ")"
					+ (extra.contains("stored") ? " STORED" : " VIRTUAL");
			defaultValue = null;
		}
		return new Column(row.getString(2), type, defaultValue, nullable, identity, generated);
	}

	// MySQL prints a literal default without quotes ('open' as open) and an expression
	// without its parentheses (DEFAULT_GENERATED): written back as DDL reads them.
	private static String mySqlDefault(String value, String extra, String dataType) {
		if (extra.contains("default_generated")) {
			return value.toLowerCase(Locale.ROOT).startsWith("current_timestamp") ? value : "(" + value + ")";
		}
		if (dataType.matches("(?i)(tinyint|smallint|mediumint|int|bigint|decimal|float|double|bit)")) {
			return value;
		}
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	// Foreign keys as constraints; their columns, by table, for the indexes MariaDB makes
	// for them.
	private Map<String, List<List<String>>> foreignKeys(Connection connection, String schema,
			Map<String, List<Constraint>> constraints) throws SQLException {
		Map<String, String[]> keys = new LinkedHashMap<>();
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Map<String, List<String>> referenced = new LinkedHashMap<>();
		CatalogQueries.query(connection, """
				SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE,
				  k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA
				FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE k
				  ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
				  AND k.TABLE_NAME = r.TABLE_NAME
				WHERE r.CONSTRAINT_SCHEMA = ? ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME, k.ORDINAL_POSITION""", schema,
				(row) -> {
					String key = row.getString(1) + "\u0000" + row.getString(2);
					String target = identifier(row.getString(3));
					if (!schema.equals(row.getString(8))) {
						target = identifier(row.getString(8)) + "." + target;
					}
					keys.putIfAbsent(key, new String[] { row.getString(1), row.getString(2), target, row.getString(4),
							row.getString(5) });
					columns.computeIfAbsent(key, (k) -> new ArrayList<>()).add(row.getString(6));
					referenced.computeIfAbsent(key, (k) -> new ArrayList<>()).add(identifier(row.getString(7)));
				});
		Map<String, List<List<String>>> byTable = new LinkedHashMap<>();
		keys.forEach((key, fields) -> {
			List<String> keyColumns = columns.get(key);
			StringBuilder definition = new StringBuilder("FOREIGN KEY (")
				.append(String.join(", ", keyColumns.stream().map(this::identifier).toList()))
				.append(") REFERENCES ")
				.append(fields[2])
				.append(" (")
				.append(String.join(", ", referenced.get(key)))
				.append(")");
			// RESTRICT is what MariaDB does unless told otherwise.
			if (!"RESTRICT".equals(fields[4])) {
				definition.append(" ON DELETE ").append(fields[4]);
			}
			if (!"RESTRICT".equals(fields[3])) {
				definition.append(" ON UPDATE ").append(fields[3]);
			}
			// A key written without a name is called table_ibfk_1.
			boolean namedByDatabase = fields[1].matches(Pattern.quote(fields[0]) + "_ibfk_\\d+");
			constraints.computeIfAbsent(fields[0], (k) -> new ArrayList<>())
				.add(new Constraint(Constraint.Kind.FOREIGN_KEY, fields[1], namedByDatabase, definition.toString()));
			List<String> indexColumns = new ArrayList<>(keyColumns);
			indexColumns.add(0, fields[1]);
			byTable.computeIfAbsent(fields[0], (k) -> new ArrayList<>()).add(indexColumns);
		});
		return byTable;
	}

	// The primary key and unique keys as constraints, the other keys as indexes.
	private void readKeys(Connection connection, String schema, Map<String, List<Constraint>> constraints,
			Map<String, List<Index>> indexes, Map<String, List<List<String>>> foreignKeys) throws SQLException {
		Map<String, List<String[]>> keys = new LinkedHashMap<>();
		CatalogQueries.query(connection, """
				SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE
				FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
				ORDER BY TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX""", schema,
				(row) -> keys
					.computeIfAbsent(row.getString(1) + "\u0000" + row.getString(2), (key) -> new ArrayList<>())
					.add(new String[] { row.getString(1), row.getString(2), row.getString(3), row.getString(4),
							row.getString(5), row.getString(6), row.getString(7) }));
		keys.forEach((key, parts) -> {
			String table = parts.get(0)[0];
			String name = parts.get(0)[1];
			boolean unique = "0".equals(parts.get(0)[2]);
			String type = parts.get(0)[6];
			List<String> columns = new ArrayList<>();
			List<String> keyParts = new ArrayList<>();
			boolean prefixed = false;
			for (String[] part : parts) {
				if ("SPATIAL".equals(type)) {
					// MariaDB reports 32 as a spatial key's prefix, and refuses it in
					// DDL.
					part[4] = null;
				}
				columns.add(part[3]);
				prefixed |= part[4] != null;
				keyParts.add(identifier(part[3]) + ((part[4] != null) ? "(" + part[4] + ")" : "")
						+ ("D".equals(part[5]) ? " DESC" : ""));
			}
			String keyList = "(" + String.join(", ", keyParts) + ")";
			String using = "HASH".equals(type) ? " USING HASH" : "";
			if ("PRIMARY".equals(name)) {
				// Always called PRIMARY: written without a name.
				constraints.computeIfAbsent(table, (k) -> new ArrayList<>())
					.add(new Constraint(Constraint.Kind.PRIMARY_KEY, name, true, "PRIMARY KEY " + keyList + using));
			}
			else if (unique) {
				constraints.computeIfAbsent(table, (k) -> new ArrayList<>())
					.add(new Constraint(Constraint.Kind.UNIQUE, name, false, "UNIQUE " + keyList + using));
			}
			else if (prefixed || !"BTREE".equals(type) || !madeForForeignKey(name, columns, foreignKeys.get(table))) {
				// Left out otherwise: the index MariaDB makes for a foreign key with no
				// index to use. It is called after the key, or after its first column
				// when the key has no name of its own, so a baseline that writes the key
				// by its name gets an index of another name; and MariaDB drops it by
				// itself when a user's index on the same columns comes. The key is
				// compared, and guarantees an index on its columns.
				String kind = ("FULLTEXT".equals(type) || "SPATIAL".equals(type)) ? type : "";
				indexes.computeIfAbsent(table, (k) -> new ArrayList<>()).add(new Index(name, kind, keyList + using));
			}
		});
	}

	private static boolean madeForForeignKey(String index, List<String> columns,
			@Nullable List<List<String>> foreignKeys) {
		if (foreignKeys == null) {
			return false;
		}
		for (List<String> key : foreignKeys) {
			List<String> keyColumns = key.subList(1, key.size());
			if (keyColumns.equals(columns) && (index.equals(key.get(0)) || index.equals(columns.get(0))
					|| index.matches(Pattern.quote(columns.get(0)) + "_\\d+"))) {
				return true;
			}
		}
		return false;
	}

	private Sequence sequence(Connection connection, String qualifier, String name) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT start_value, increment, minimum_value, maximum_value, "
						+ "cycle_option, cache_size FROM " + qualifier + identifierQuoted(name))) {
			row.next();
			// MariaDB's sequences are BIGINT (AS type comes with 11.5).
			return new Sequence(name, "bigint", row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
					row.getBoolean(5), row.getLong(6), null);
		}
	}

	private static String identifierQuoted(String name) {
		return "`" + name.replace("`", "``") + "`";
	}

	private static List<String> notCarried(Connection connection, String schema) {
		List<String> found = new ArrayList<>();
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
				schema, "trigger", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
				schema, "function or procedure", "functions or procedures", found);
		CatalogQueries.count(connection, "SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
				schema, "event", found);
		CatalogQueries.count(connection,
				"SELECT COUNT(DISTINCT TABLE_NAME) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? "
						+ "AND PARTITION_NAME IS NOT NULL",
				schema, "partitioned table", found);
		CatalogQueries.count(connection, "SELECT (SELECT COUNT(*) FROM information_schema.TABLES t "
				+ "WHERE t.TABLE_SCHEMA = s.SCHEMA_NAME AND t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_COMMENT <> '') "
				+ "+ (SELECT COUNT(*) FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
				+ "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = s.SCHEMA_NAME "
				+ "AND t.TABLE_TYPE = 'BASE TABLE' AND c.COLUMN_COMMENT <> '') FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = ?",
				schema, "comment", found);
		return found;
	}

}
