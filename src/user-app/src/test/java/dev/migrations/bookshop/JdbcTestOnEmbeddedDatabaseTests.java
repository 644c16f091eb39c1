package dev.migrations.bookshop;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} as a user writes it: the slice substitutes an embedded database for
 * the application's PostgreSQL (configured as in production), and the revisions are
 * applied to that embedded database before the test runs.
 */
@JdbcTest
@ContextConfiguration(initializers = ConfiguredPostgres.class)
class JdbcTestOnEmbeddedDatabaseTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void appliesTheRevisionsToTheEmbeddedDatabaseTheSliceSubstitutes() {
		assertThat(BookshopSchema.product(this.dataSource)).isEqualTo("H2");
		BookshopSchema.assertMigrated(this.dataSource);
		assertThat(this.jdbc.sql("SELECT isbn FROM books WHERE title = 'A Wizard of Earthsea'")
			.query(String.class)
			.single()).isEqualTo("978-0-553-38304-2");
	}

	@Test
	void leavesTheApplicationsConfiguredDatabaseAlone() {
		assertThat(ConfiguredPostgres.DATABASE.tables()).isEmpty();
	}

}
