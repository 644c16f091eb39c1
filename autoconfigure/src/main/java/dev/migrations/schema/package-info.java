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

/**
 * Knowing the schema: a live schema compared with the one its revisions produce (drift),
 * the plain SQL that describes a schema (generated baseline), and scratch databases to
 * build an expected schema in.
 * <p>
 * The second and last package that speaks Liquibase, beside the engine, and on purpose
 * apart from it: the engine executes revisions on the migration connection, loading
 * Liquibase only when a revision needs it; this package only reads schemas through
 * Liquibase's snapshot and diff, on connections of its own, and is loaded only when a
 * drift check or a baseline is asked for. Both keep Liquibase types to themselves: the
 * rest of the starter sees {@link dev.migrations.schema.SchemaDifference} and plain SQL
 * text.
 */
@NullMarked
package dev.migrations.schema;

import org.jspecify.annotations.NullMarked;
