package dev.migrations.bookshop;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A reader's review of a book: a Spring Data JDBC aggregate on table {@code review}
 * (revision 005).
 *
 * @param id the id, {@code null} until saved
 * @param bookId the book reviewed
 * @param stars 1 to 5
 * @param comment what the reader wrote
 */
@Table
public record Review(@Id @Nullable Long id, long bookId, int stars, @Nullable String comment) {

}
