package dev.migrations.bookshop;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJdbcTest} on a real PostgreSQL database: the revisions run before the
 * repository is used.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJdbcTestOnPostgresTests {

	static final TestDatabase database = TestDatabases.postgres();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Autowired
	ReviewRepository reviews;

	@Test
	void savesAndFindsReviewsInTheTableTheRevisionsCreated() {
		BookshopSchema.assertMigrated(database.dataSource());
		long bookId = database.jdbc().queryForObject("SELECT id FROM books", Long.class);
		this.reviews.save(new Review(null, bookId, 4, "Still good."));
		assertThat(this.reviews.findByBookId(bookId)).extracting(Review::stars).containsExactly(4);
	}

}
