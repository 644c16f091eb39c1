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
 * @author Migrations for Spring Boot contributors
 */
public record Project(int id, String name, @Nullable String code, @Nullable String clientName, boolean billable,
		@Nullable BigDecimal hourlyRate, String status) {

}
