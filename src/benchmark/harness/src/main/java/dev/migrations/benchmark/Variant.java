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

package dev.migrations.benchmark;

import java.util.List;

/**
 * One way of migrating (or not): the class paths its process gets, the bean names its
 * migration step is read from, and how its revision files are laid out.
 *
 * @author Migrations for Spring Boot contributors
 */
enum Variant {

	/** This starter, with the actuator: {@code db/migrations/NNNN_slug.sql}. */
	MIGRATIONS("this starter", List.of("migrations"), "migrat"),

	/**
	 * Spring Boot's Liquibase integration: a master changelog including one formatted-SQL
	 * file per revision.
	 */
	LIQUIBASE("Boot + Liquibase", List.of("liquibase"), "liquibase"),

	/** Spring Boot's Flyway integration: {@code db/migration/V{n}__slug.sql}. */
	FLYWAY("Boot + Flyway", List.of("flyway"), "flyway"),

	/** The same application without a migration tool. */
	NONE("no migration tool", List.of("none"), ""),

	/**
	 * The same application without a migration tool, with the actuator that this
	 * starter's application has.
	 */
	NONE_ACTUATOR("no tool + actuator", List.of("none", "actuator"), ""),

	/** Plain JDBC, no Spring: the statements and one history insert per revision. */
	PLAIN_JDBC("plain JDBC", List.of("none"), "");

	private final String label;

	private final List<String> classpaths;

	private final String toolBeans;

	Variant(String label, List<String> classpaths, String toolBeans) {
		this.label = label;
		this.classpaths = classpaths;
		this.toolBeans = toolBeans;
	}

	String label() {
		return this.label;
	}

	List<String> classpaths() {
		return this.classpaths;
	}

	String toolBeans() {
		return this.toolBeans;
	}

	/**
	 * Every class path module a variant or the endpoint cell uses.
	 * @return the names
	 */
	static List<String> allClasspaths() {
		return List.of("migrations", "liquibase", "flyway", "none", "actuator", "webmvc");
	}

	boolean isTool() {
		return this == MIGRATIONS || this == LIQUIBASE || this == FLYWAY;
	}

}
