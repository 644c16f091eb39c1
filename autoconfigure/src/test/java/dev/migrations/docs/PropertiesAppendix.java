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

package dev.migrations.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties appendix ({@code docs/properties.md}) as the configuration metadata
 * gives it: one row per property with its name, type, default and description.
 */
final class PropertiesAppendix {

	static final String REGENERATE = "mvn -B -q test -pl autoconfigure -am -Dtest=PropertiesAppendixTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dmigrations.docs.write=true";

	private PropertiesAppendix() {
	}

	static String render(String metadataJson) {
		JsonNode metadata = JsonMapper.builder().build().readTree(metadataJson);
		List<JsonNode> properties = new ArrayList<>();
		metadata.path("properties").forEach(properties::add);
		properties.sort(Comparator.comparing((JsonNode property) -> property.path("name").asString()));
		StringBuilder markdown = new StringBuilder();
		markdown.append("# Properties\n\n");
		markdown
			.append("<!-- Generated from the configuration metadata by PropertiesAppendixTests: do not edit. -->\n\n");
		markdown.append("Every property the starter reads, as its configuration metadata ");
		markdown.append("(`META-INF/spring-configuration-metadata.json`, written by Spring Boot's configuration ");
		markdown.append("processor from `MigrationsProperties` and the endpoint's settings) describes it, so IDEs ");
		markdown.append("complete the same names. With several databases, every `migrations.*` database setting ");
		markdown.append("is also read per database as `migrations.instances.<name>.*` ");
		markdown.append("([several-databases.md](several-databases.md)).\n\n");
		markdown
			.append("This file is generated; a test fails when it differs from the metadata. Regenerate it with:\n\n");
		markdown.append("```bash\n").append(REGENERATE).append("\n```\n\n");
		markdown.append("| name | type | default | description |\n");
		markdown.append("|---|---|---|---|\n");
		for (JsonNode property : properties) {
			markdown.append("| `")
				.append(property.path("name").asString())
				.append("` | ")
				.append(cell(type(property.path("type").asString(""))))
				.append(" | ")
				.append(defaultValue(property.path("defaultValue")))
				.append(" | ")
				.append(description(property))
				.append(" |\n");
		}
		return markdown.toString();
	}

	private static String type(String type) {
		if (type.isEmpty()) {
			return "";
		}
		String simple = "`" + type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace(",", ", ") + "`";
		List<String> values = enumValues(type);
		return values.isEmpty() ? simple : simple + " (" + String.join(", ", values) + ")";
	}

	private static List<String> enumValues(String type) {
		List<String> values = new ArrayList<>();
		try {
			Class<?> found = Class.forName(type, false, PropertiesAppendix.class.getClassLoader());
			if (found.isEnum()) {
				for (Object constant : found.getEnumConstants()) {
					values.add("`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "`");
				}
			}
		}
		catch (ClassNotFoundException ex) {
			// Not a class on the test class path (a generic type, say): no values to
			// list.
		}
		return values;
	}

	private static String defaultValue(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return "`" + cell(String.join(",", items)) + "`";
		}
		return "`" + cell(value.asString()) + "`";
	}

	private static String description(JsonNode property) {
		String description = property.path("description").asString("");
		JsonNode deprecation = property.path("deprecation");
		if (!deprecation.isMissingNode()) {
			String replacement = deprecation.path("replacement").asString("");
			description = "Deprecated" + (replacement.isEmpty() ? "" : ": use `" + replacement + "`") + ". "
					+ description;
		}
		return cell(description.replaceAll("\\s+", " ").trim());
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

}
