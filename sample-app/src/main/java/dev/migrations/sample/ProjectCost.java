package dev.migrations.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expense booked on a project.
 *
 * @param id the id
 * @param projectId the project
 * @param userId the user who booked it
 * @param description what it was
 * @param category {@code travel}, {@code materials}, {@code services}, {@code equipment},
 * {@code software} or {@code other}
 * @param amount the amount
 * @param currencyCode the ISO 4217 currency of the amount
 * @param billable whether it is billed to the client
 * @param invoiced whether it has been invoiced
 * @param costDate when the cost was incurred
 */
public record ProjectCost(int id, int projectId, int userId, String description, String category, BigDecimal amount,
		String currencyCode, boolean billable, boolean invoiced, LocalDate costDate) {

}
