package dev.migrations.bookshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bookshop: authors and their books through JPA, reviews through Spring Data JDBC. Its
 * schema is brought up to date by the migrations starter before the entity manager
 * factory validates it.
 */
@SpringBootApplication
public class BookshopApplication {

	public static void main(String[] args) {
		SpringApplication.run(BookshopApplication.class, args);
	}

}
