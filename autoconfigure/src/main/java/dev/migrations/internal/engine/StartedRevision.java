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

package dev.migrations.internal.engine;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A revision whose statements began but whose history rows were never written: on a
 * database whose DDL commits at once (MariaDB, MySQL, H2), the process stopped inside it,
 * so part of it may be applied.
 *
 * @param revision the revision id
 * @param file the revision file
 * @param startedAt when it started, in the database's local time
 * @param statementsStarted how many of its statements had started, as far as the database
 * kept it: those before the last one completed, the last one may or may not have
 * @param lastStatement the start of the last statement that started, or {@code null}
 * @param startedBy the host and process that ran it
 * @param downgrade whether it was being reversed (a downgrade), not applied; a marker
 * written before the direction was recorded is an upgrade's
 * @author Migrations for Spring Boot contributors
 */
public record StartedRevision(String revision, String file, @Nullable LocalDateTime startedAt, int statementsStarted,
		@Nullable String lastStatement, @Nullable String startedBy, boolean downgrade) {

}
