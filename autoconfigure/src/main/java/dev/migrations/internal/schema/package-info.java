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
 * Knowing the schema: one model of a schema ({@code SchemaModel}), read from the
 * database's own catalog by one reader per database, from which the generated baseline is
 * written and which the drift check compares, live against the schema its revisions
 * produce in a scratch database. A fact the generator cannot write is a fact the
 * comparator cannot see: both name what the model leaves out.
 * <p>
 * No Liquibase here: Liquibase's snapshot loses facts a schema holds (an index's
 * predicate, a sequence's start on H2). The rest of the starter sees
 * {@link dev.migrations.SchemaDifference} and plain SQL text.
 * <p>
 * Internal: not API. Anything here may change in any release; code against the types
 * outside {@code dev.migrations.internal} (docs/api.md).
 */
@NullMarked
package dev.migrations.internal.schema;

import org.jspecify.annotations.NullMarked;
