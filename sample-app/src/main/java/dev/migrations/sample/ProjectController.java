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

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Projects and their costs over HTTP.
 *
 * @author Migrations for Spring Boot contributors
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

	private final ProjectRepository projects;

	public ProjectController(ProjectRepository projects) {
		this.projects = projects;
	}

	@GetMapping
	List<Project> projects() {
		return this.projects.findAll();
	}

	@GetMapping("/{id}/costs")
	List<ProjectCost> costs(@PathVariable int id) {
		if (!this.projects.exists(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No project with id " + id);
		}
		return this.projects.findCosts(id);
	}

}
