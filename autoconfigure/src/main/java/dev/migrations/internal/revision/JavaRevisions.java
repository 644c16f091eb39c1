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

package dev.migrations.internal.revision;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ClassUtils;

import dev.migrations.JavaRevision;
import dev.migrations.MigrationException;
import dev.migrations.RevisionId;

/**
 * Turns {@link JavaRevision} beans into revisions and merges them with the revision
 * files, so that both are ordered as one set: a Java revision without
 * {@code downRevisions} follows the revision before it in natural order, and a file
 * without a {@code down_revision} header may follow a Java revision.
 *
 * @author Migrations for Spring Boot contributors
 */
public final class JavaRevisions {

	private JavaRevisions() {
	}

	/**
	 * Merge Java revisions into the revisions of files.
	 * @param files the revisions read from files, each with its parents
	 * @param code the Java revisions
	 * @param where where the files come from, for messages
	 * @return all revisions in natural order, each with its parents
	 * @throws MigrationException if a Java revision's id or down revisions are malformed,
	 * or an id is taken twice
	 */
	public static List<Revision> merge(List<Revision> files, List<JavaRevision> code, String where) {
		if (code.isEmpty()) {
			return files;
		}
		List<Revision> all = new ArrayList<>();
		for (Revision file : files) {
			// Default parents are assigned again over the merged set.
			all.add(RevisionScanner.declaresParents(file) ? file
					: new Revision(file.id(), file.description(), null, file.file(), file.content()));
		}
		for (JavaRevision revision : code) {
			all.add(revision(revision));
		}
		return RevisionScanner.order(where + " and the Java revisions", all);
	}

	/**
	 * The revision of a Java revision bean.
	 * @param code the bean
	 * @return the revision; its parents are {@code null} unless it names its down
	 * revisions
	 */
	static Revision revision(JavaRevision code) {
		String file = "java:" + ClassUtils.getUserClass(code).getName();
		String id = code.id();
		if (id == null || !RevisionId.isValid(id.trim())) {
			throw new MigrationException(
					"Java revision " + file + " has the id '" + id + "', which is not a revision id",
					"Return an id made of letters, digits, '.' and '-' from its id() method, e.g. \"019\".");
		}
		List<String> down = code.downRevisions();
		List<RevisionId> parents = (down != null) ? RevisionScanner.parents(String.join(", ", down), file) : null;
		if (down != null && down.isEmpty()) {
			parents = List.of();
		}
		String description = (code.description() != null) ? code.description().strip() : "";
		return new Revision(new RevisionId(id.trim()), description, parents, file, new RevisionContent.Java(code));
	}

}
