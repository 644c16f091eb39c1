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

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A book (JPA entity on table {@code books}: revision 002, {@code isbn} added by revision
 * 004).
 *
 * @author Migrations for Spring Boot contributors
 */
@Entity
@Table(name = "books")
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 300)
	private String title = "";

	@Column(length = 20)
	private @Nullable String isbn;

	private @Nullable LocalDate published;

	@ManyToOne(optional = false, fetch = FetchType.LAZY)
	@JoinColumn(name = "author_id")
	private @Nullable Author author;

	protected Book() {
	}

	public Book(String title, @Nullable String isbn, @Nullable LocalDate published, Author author) {
		this.title = title;
		this.isbn = isbn;
		this.published = published;
		this.author = author;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable String getIsbn() {
		return this.isbn;
	}

	public @Nullable LocalDate getPublished() {
		return this.published;
	}

	public @Nullable Author getAuthor() {
		return this.author;
	}

}
