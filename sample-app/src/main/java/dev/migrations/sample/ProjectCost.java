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
 * @author Migrations for Spring Boot contributors
 */
public record ProjectCost(int id, int projectId, int userId, String description, String category, BigDecimal amount,
		String currencyCode, boolean billable, boolean invoiced, LocalDate costDate) {

}
