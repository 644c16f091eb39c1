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

package dev.migrations.sample;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads projects and their costs.
 *
 * @author Migrations for Spring Boot contributors
 */
@Repository
public class ProjectRepository {

	// Explicit mappers: query(Class) would look up each camelCase column name before its
	// snake_case one, and H2
	// writes every failed look-up to its trace file.
	private static final RowMapper<Project> PROJECT = (rs, rowNum) -> new Project(rs.getInt("id"), rs.getString("name"),
			rs.getString("code"), rs.getString("client_name"), rs.getBoolean("billable"),
			rs.getBigDecimal("hourly_rate"), rs.getString("status"));

	private static final RowMapper<ProjectCost> PROJECT_COST = (rs, rowNum) -> new ProjectCost(rs.getInt("id"),
			rs.getInt("project_id"), rs.getInt("user_id"), rs.getString("description"), rs.getString("category"),
			rs.getBigDecimal("amount"), rs.getString("currency_code"), rs.getBoolean("billable"),
			rs.getBoolean("invoiced"), rs.getObject("cost_date", LocalDate.class));

	private final JdbcClient jdbc;

	public ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * All projects with their client's name, by name.
	 * @return the projects
	 */
	public List<Project> findAll() {
		return this.jdbc.sql("""
				SELECT p.id, p.name, p.code, c.name AS client_name, p.billable, p.hourly_rate, p.status
				FROM projects p LEFT JOIN clients c ON c.id = p.client_id
				ORDER BY p.name, p.id
				""").query(PROJECT).list();
	}

	/**
	 * Whether a project exists.
	 * @param id the project's id
	 * @return {@code true} if it exists
	 */
	public boolean exists(int id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM projects WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The costs of a project, most recent first.
	 * @param projectId the project's id
	 * @return the costs; empty if there are none or the project does not exist
	 */
	public List<ProjectCost> findCosts(int projectId) {
		return this.jdbc.sql("""
				SELECT id, project_id, user_id, description, category, amount, currency_code, billable, invoiced,
				       cost_date
				FROM project_costs
				WHERE project_id = :projectId
				ORDER BY cost_date DESC, id DESC
				""").param("projectId", projectId).query(PROJECT_COST).list();
	}

}
