/**
 * Bookshop, a small application written the way a user writes one: JPA entities validated
 * against the schema ({@code spring.jpa.hibernate.ddl-auto=validate}), a Spring Data JDBC
 * aggregate, revision files in db/migrations/, and no actuator.
 */
@NullMarked
package dev.migrations.bookshop;

import org.jspecify.annotations.NullMarked;
