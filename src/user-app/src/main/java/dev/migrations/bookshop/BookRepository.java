package dev.migrations.bookshop;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Books, through Spring Data JPA.
 */
public interface BookRepository extends JpaRepository<Book, Long> {

	/**
	 * The books of an author, by the author's name.
	 * @param name the author's name
	 * @return the books
	 */
	List<Book> findByAuthorName(String name);

}
