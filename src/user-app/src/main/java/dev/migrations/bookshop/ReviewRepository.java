package dev.migrations.bookshop;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Reviews, through Spring Data JDBC.
 */
public interface ReviewRepository extends ListCrudRepository<Review, Long> {

	/**
	 * The reviews of a book.
	 * @param bookId the book
	 * @return the reviews
	 */
	List<Review> findByBookId(long bookId);

}
