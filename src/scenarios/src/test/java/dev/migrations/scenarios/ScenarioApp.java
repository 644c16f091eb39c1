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

package dev.migrations.scenarios;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application the scenarios start as a process of its own: the starter, a data
 * source, nothing else. Once its context has started (so its migrations are done) it
 * prints {@value #READY}, optionally runs {@code scenario.sql} through the application's
 * own data source, and exits. A failed start exits with status 1 after Spring Boot's
 * failure report.
 */
@SpringBootApplication
public class ScenarioApp {

	/** The line printed once the application has started. */
	public static final String READY = "SCENARIO-READY";

	/**
	 * The line printed once {@code scenario.sql} has run through the application's data
	 * source.
	 */
	public static final String SQL_DONE = "SCENARIO-SQL-DONE";

	/**
	 * Start the application, report, and exit.
	 * @param args the application arguments, e.g. {@code --spring.datasource.url=...}
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ScenarioApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context;
		try {
			context = application.run(args);
		}
		catch (Throwable ex) {
			// Spring Boot has already reported the failure.
			System.exit(1);
			return;
		}
		// The test reads standard output: these markers are its protocol with this
		// process.
		System.out.println(READY);
		String sql = context.getEnvironment().getProperty("scenario.sql");
		if (sql != null) {
			context.getBean(JdbcTemplate.class).execute(sql);
			System.out.println(SQL_DONE);
		}
		context.close();
		System.exit(0);
	}

}
