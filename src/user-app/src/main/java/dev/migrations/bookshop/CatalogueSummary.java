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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Logs the size of the catalogue once the application has started, through both
 * repositories.
 *
 * @author Migrations for Spring Boot contributors
 */
@Component
class CatalogueSummary implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(CatalogueSummary.class);

	private final BookRepository books;

	private final ReviewRepository reviews;

	CatalogueSummary(BookRepository books, ReviewRepository reviews) {
		this.books = books;
		this.reviews = reviews;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		logger.info("Bookshop catalogue: {} books, {} reviews", this.books.count(), this.reviews.count());
	}

}
