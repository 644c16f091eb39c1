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

package dev.migrations.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.DriftReport;
import dev.migrations.SchemaDifference;

/**
 * The drift check as the endpoint shows it: {@code GET /actuator/migrations/drift}.
 *
 * @param database the database's URL, without credentials
 * @param revision the database's current revision
 * @param drift whether the live schema differs from what its revisions produce
 * @param differences the differences, tables first
 * @param notes what limits the comparison
 * @author Migrations for Spring Boot contributors
 */
public record DriftDescriptor(String database, @Nullable String revision, boolean drift,
		List<DifferenceDescriptor> differences, List<String> notes) {

	/**
	 * Describe a drift report.
	 * @param report the report
	 * @return the descriptor
	 */
	public static DriftDescriptor of(DriftReport report) {
		return new DriftDescriptor(report.database(), report.revision(), report.hasDrift(),
				report.differences().stream().map(DifferenceDescriptor::of).toList(), report.notes());
	}

	/**
	 * One difference.
	 *
	 * @param object the object, e.g. {@code index `idx_costs_date` on `project_costs`}
	 * @param kind {@code MISSING}, {@code UNEXPECTED} or {@code CHANGED}
	 * @param expected what the revisions produce
	 * @param actual what the live schema has
	 * @param revision the revision that created (or last changed) the object, as far as
	 * its text tells
	 * @param note the difference as a reviewer's note
	 */
	public record DifferenceDescriptor(String object, SchemaDifference.Kind kind, @Nullable String expected,
			@Nullable String actual, @Nullable String revision, String note) {

		static DifferenceDescriptor of(SchemaDifference difference) {
			return new DifferenceDescriptor(difference.object(), difference.kind(), difference.expected(),
					difference.actual(), difference.revision(), difference.note());
		}

	}

}
