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

package dev.migrations.internal.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the endpoint's descriptor records as JSON, field for field as the endpoint
 * serializes them, without needing Jackson (the actuator, and with it Jackson, is the
 * application's choice).
 *
 * @author Migrations for Spring Boot contributors
 */
final class Json {

	private Json() {
	}

	static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		write(json, value);
		return json.toString();
	}

	private static void write(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof TemporalAccessor) {
			string(json, value.toString());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				string(json, String.valueOf(entry.getKey()));
				json.append(':');
				write(json, entry.getValue());
				json.append(entries.hasNext() ? "," : "");
			}
			json.append('}');
		}
		else if (value instanceof Iterable<?> items) {
			json.append('[');
			Iterator<?> iterator = items.iterator();
			while (iterator.hasNext()) {
				write(json, iterator.next());
				json.append(iterator.hasNext() ? "," : "");
			}
			json.append(']');
		}
		else if (value.getClass().isRecord()) {
			json.append('{');
			RecordComponent[] components = value.getClass().getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				string(json, components[i].getName());
				json.append(':');
				write(json, component(value, components[i]));
				json.append((i + 1 < components.length) ? "," : "");
			}
			json.append('}');
		}
		else {
			string(json, value.toString());
		}
	}

	private static @Nullable Object component(Object record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), ex);
		}
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
