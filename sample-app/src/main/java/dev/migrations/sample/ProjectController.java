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
