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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Runtime hints for what Liquibase does reflectively when the engine runs it: it finds
 * its change types, databases, data types, SQL generators, parsers and services through
 * {@code META-INF/services/liquibase.*}, instantiates them, reads their properties as
 * Java beans (change metadata) and their fields (checksums, serialization), and validates
 * XML changelogs against the XSDs in its jar. Every class those service files list is
 * registered, as found on the class path at build time, so Liquibase extensions on the
 * class path are covered too.
 *
 * @author Migrations for Spring Boot contributors
 */
class LiquibaseRuntimeHints implements RuntimeHintsRegistrar {

	private static final String SERVICES = "META-INF/services/liquibase.";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("liquibase.change.Change", classLoader)) {
			return;
		}
		hints.resources()
			.registerPattern(SERVICES + "*")
			.registerPattern("liquibase.build.properties")
			.registerPattern("www.liquibase.org/xml/ns/dbchangelog/*.xsd");
		try {
			for (Resource services : new PathMatchingResourcePatternResolver(classLoader)
				.getResources("classpath*:" + SERVICES + "*")) {
				registerServices(hints, services);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list Liquibase's service files", ex);
		}
	}

	private static void registerServices(RuntimeHints hints, Resource services) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(services.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				int comment = line.indexOf('#');
				String className = ((comment >= 0) ? line.substring(0, comment) : line).strip();
				if (!className.isEmpty()) {
					hints.reflection()
						.registerType(TypeReference.of(className), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
								MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
								MemberCategory.ACCESS_DECLARED_FIELDS);
				}
			}
		}
	}

}
