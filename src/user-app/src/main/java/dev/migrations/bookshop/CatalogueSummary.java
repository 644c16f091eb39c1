package dev.migrations.bookshop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Logs the size of the catalogue once the application has started, through both
 * repositories.
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
