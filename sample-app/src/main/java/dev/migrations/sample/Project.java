package dev.migrations.sample;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A project, with the name of the client it is done for.
 *
 * @param id the id
 * @param name the name
 * @param code the short code, if one was given
 * @param clientName the client's name; {@code null} for internal projects
 * @param billable whether time on it is billed
 * @param hourlyRate the hourly rate, if it has one
 * @param status {@code active} or {@code archived}
 */
public record Project(int id, String name, @Nullable String code, @Nullable String clientName, boolean billable,
		@Nullable BigDecimal hourlyRate, String status) {

}
