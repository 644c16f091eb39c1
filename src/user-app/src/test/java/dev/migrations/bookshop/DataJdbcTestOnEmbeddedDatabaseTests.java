package dev.migrations.bookshop;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJdbcTest} as a user writes it: the repository works on the embedded
 * database the slice substitutes, because the revisions created its tables first.
 */
@DataJdbcTest
@ContextConfiguration(initializers = ConfiguredPostgres.class)
class DataJdbcTestOnEmbeddedDatabaseTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ReviewRepository reviews;

	@Test
	void savesAndFindsReviewsInTheTableTheRevisionsCreated() {
		assertThat(BookshopSchema.product(this.dataSource)).isEqualTo("H2");
		BookshopSchema.assertMigrated(this.dataSource);
		long bookId = JdbcClient.create(this.dataSource).sql("SELECT id FROM books").query(Long.class).single();
		Review saved = this.reviews.save(new Review(null, bookId, 5, "A classic."));
		assertThat(saved.id()).isNotNull();
		assertThat(this.reviews.findByBookId(bookId)).extracting(Review::comment).containsExactly("A classic.");
		assertThat(ConfiguredPostgres.DATABASE.tables()).isEmpty();
	}

}
