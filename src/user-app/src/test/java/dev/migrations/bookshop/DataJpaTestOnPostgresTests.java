package dev.migrations.bookshop;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} on an empty PostgreSQL database with {@code ddl-auto=validate}:
 * the revisions build the schema before Hibernate validates it.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJpaTestOnPostgresTests {

	static final TestDatabase database = TestDatabases.postgres();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Autowired
	BookRepository books;

	@Test
	void findsTheBookTheRevisionsInserted() {
		BookshopSchema.assertMigrated(database.dataSource());
		assertThat(this.books.findByAuthorName("Ursula K. Le Guin")).extracting(Book::getTitle)
			.containsExactly("A Wizard of Earthsea");
	}

}
