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

package dev.migrations.jpascenario;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.scenarios.ScenarioApp;

/**
 * A JPA application whose entity ({@link Account}) needs the schema of the newest
 * revision, with {@code spring.jpa.hibernate.ddl-auto=validate}: it starts only on a
 * migrated database. Prints {@link ScenarioApp#READY} and the number of accounts once
 * started, then exits.
 */
@SpringBootApplication
public class JpaScenarioApp {

	/**
	 * Start the application, report, and exit.
	 * @param args the application arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(JpaScenarioApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context;
		try {
			context = application.run(args);
		}
		catch (Throwable ex) {
			System.exit(1);
			return;
		}
		System.out.println(ScenarioApp.READY);
		long accounts = context.getBean(EntityManagerFactory.class)
			.createEntityManager()
			.createQuery("SELECT COUNT(a) FROM Account a", Long.class)
			.getSingleResult();
		System.out.println("ACCOUNTS=" + accounts);
		context.close();
		System.exit(0);
	}

}
