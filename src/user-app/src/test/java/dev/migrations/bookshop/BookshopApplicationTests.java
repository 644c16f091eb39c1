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

package dev.migrations.bookshop;

import java.util.Arrays;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import dev.migrations.runner.DatabaseState;
import dev.migrations.runner.MigrationStatus;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RevisionState;
import dev.migrations.runner.RevisionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookshop started whole with {@code @SpringBootTest}, on the in-memory H2 database
 * of its application.properties: the revisions run before the entity manager factory
 * validates the entities ({@code ddl-auto=validate}), and the application has no
 * actuator.
 */
@SpringBootTest
class BookshopApplicationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	BookRepository books;

	@Autowired
	ReviewRepository reviews;

	@Test
	void startsWithValidatedEntitiesOnTheSchemaTheRevisionsBuilt() {
		BookshopSchema.assertMigrated(this.dataSource);
		assertThat(this.books.findByAuthorName("Ursula K. Le Guin")).extracting(Book::getIsbn)
			.containsExactly("978-0-553-38304-2");
		long bookId = this.books.findAll().get(0).getId();
		this.reviews.save(new Review(null, bookId, 5, "Timeless."));
		assertThat(this.reviews.findByBookId(bookId)).hasSize(1);
	}

	@Test
	void startsAndMigratesWithoutTheActuator() {
		assertThat(ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint", null))
			.as("the actuator on the class path")
			.isFalse();
		Migrator migrator = this.context.getBean(Migrator.class);
		MigrationStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.history()).extracting(RevisionStatus::state).containsOnly(RevisionState.APPLIED);
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames()).map((name) -> name.toLowerCase(Locale.ROOT)))
			.filteredOn((name) -> name.contains("migrations"))
			.noneMatch((name) -> name.contains("endpoint") || name.contains("health") || name.contains("metrics"));
	}

}
