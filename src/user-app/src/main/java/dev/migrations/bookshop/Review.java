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
 * @author Migrations for Spring Boot contributors
 */
@Table
public record Review(@Id @Nullable Long id, long bookId, int stars, @Nullable String comment) {

}
