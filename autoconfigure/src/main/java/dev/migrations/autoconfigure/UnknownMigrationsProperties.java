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

package dev.migrations.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.migrations.MigrationException;

/**
 * Refuses a key under {@code migrations.} (or under {@code migrations.instances.<name>.})
 * that no setting binds: a misspelled {@code backup.required} or {@code out-of-order}
 * would otherwise be ignored in silence. The known settings are the ones
 * {@link MigrationsProperties} binds, in any of Spring Boot's relaxed forms; free-form
 * maps ({@code placeholders.*}) take any key. An unknown operating-system environment
 * variable ({@code MIGRATIONS_*}) is only logged: the environment is shared with other
 * programs.
 *
 * @author Migrations for Spring Boot contributors
 */
final class UnknownMigrationsProperties implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final Logger logger = LoggerFactory.getLogger(UnknownMigrationsProperties.class);

	static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("migrations");

	private static final String INSTANCES = "instances";

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new Handler(bindHandler);
	}

	private static MigrationException failure(Map<String, ConfigurationProperty> unknown) {
		List<String> descriptions = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		unknown.forEach((name, property) -> {
			descriptions.add(describe(property.getName(), property));
			String closest = closestName(property.getName());
			if (closest != null) {
				actions.add(name + ": did you mean " + closest + "?");
			}
		});
		String keys = (unknown.size() == 1) ? "Unknown setting " : "Unknown settings ";
		return new MigrationException(
				keys + String.join("; ", descriptions) + ". No setting of migrations has "
						+ ((unknown.size() == 1) ? "this name" : "these names")
						+ ", so the start would go on as if it were not there. Nothing was done.",
				(actions.isEmpty() ? "" : String.join(" ", actions) + " ")
						+ "Correct or remove each unknown key. The settings are listed in the configuration "
						+ "metadata (your IDE completes them); only migrations.placeholders.<name> takes any name.");
	}

	private static String describe(ConfigurationPropertyName name, @Nullable ConfigurationProperty property) {
		StringBuilder description = new StringBuilder(name.toString());
		if (property != null && property.getOrigin() != null) {
			description.append(" (from ").append(property.getOrigin()).append(')');
		}
		return description.toString();
	}

	private static String closest(ConfigurationPropertyName name) {
		String closest = closestName(name);
		return (closest != null) ? " (did you mean " + closest + "?)" : "";
	}

	/**
	 * The known setting nearest to the name, in the name's instance if it has one.
	 * @param name the name
	 * @return the string
	 */
	static @Nullable String closestName(ConfigurationPropertyName name) {
		String prefix = ROOT.toString();
		ConfigurationPropertyName relative = name.subName(ROOT.getNumberOfElements());
		if (relative.getNumberOfElements() > 2
				&& INSTANCES.equals(relative.getElement(0, ConfigurationPropertyName.Form.UNIFORM))) {
			prefix = prefix + "." + INSTANCES + "." + relative.getElement(1, ConfigurationPropertyName.Form.ORIGINAL);
			relative = relative.subName(2);
		}
		String wanted = uniform(relative.toString());
		String closest = null;
		int best = Integer.MAX_VALUE;
		for (String known : knownSettings(MigrationsProperties.class, "")) {
			int distance = distance(wanted, uniform(known));
			if (distance < best) {
				best = distance;
				closest = known;
			}
		}
		// Far from every setting: a guess would mislead more than help.
		return (closest != null && best <= Math.max(2, wanted.length() / 3)) ? prefix + "." + closest : null;
	}

	/**
	 * The settings a properties class binds, dashed, walked from its bean properties so
	 * that a setting added to the class is known at once.
	 * @param prefix the prefix
	 * @param type the type
	 * @return the strings
	 */
	static List<String> knownSettings(Class<?> type, String prefix) {
		List<String> settings = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
				continue;
			}
			String name = prefix + dashed(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			if (INSTANCES.equals(name)) {
				continue;
			}
			if (propertyType.getDeclaringClass() == MigrationsProperties.class) {
				settings.addAll(knownSettings(propertyType, name + "."));
			}
			else if (Map.class.isAssignableFrom(propertyType)) {
				settings.add(name + ".<name>");
			}
			else if (descriptor.getWriteMethod() != null || Collection.class.isAssignableFrom(propertyType)) {
				settings.add(name);
			}
		}
		return settings;
	}

	private static String dashed(String name) {
		StringBuilder dashed = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

	private static String uniform(String name) {
		return name.replace("-", "").replace("<name>", "").toLowerCase(Locale.ROOT);
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Records every name bound under {@code migrations} and, when the binding of
	 * {@code migrations} ends, checks the keys of the property sources against them.
	 * Bindings of other prefixes pass through untouched.
	 */
	private static final class Handler extends AbstractBindHandler {

		private final Set<ConfigurationPropertyName> bound = new HashSet<>();

		private boolean active;

		Handler(BindHandler parent) {
			super(parent);
		}

		@Override
		public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target,
				BindContext context) {
			if (context.getDepth() == 0) {
				this.active = ROOT.equals(name);
			}
			return super.onStart(name, target, context);
		}

		@Override
		public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			if (this.active) {
				this.bound.add(name);
			}
			return super.onSuccess(name, target, context, result);
		}

		@Override
		public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				@Nullable Object result) throws Exception {
			if (this.active && context.getDepth() == 0) {
				check(context.getSources());
			}
			super.onFinish(name, target, context, result);
		}

		private void check(Iterable<ConfigurationPropertySource> sources) {
			Map<String, ConfigurationProperty> unknown = new TreeMap<>();
			for (ConfigurationPropertySource source : sources) {
				if (source instanceof IterableConfigurationPropertySource iterable) {
					boolean environment = isSystemEnvironment(source);
					iterable.filter(ROOT::isAncestorOf).stream().filter(this::isUnbound).forEach((name) -> {
						ConfigurationProperty property = iterable.getConfigurationProperty(name);
						if (environment) {
							logger.warn("{}: not used, no setting of migrations has this name{}. The operating "
									+ "system's environment is shared with other programs, so this is not an error.",
									describe(name, property), closest(name));
						}
						else if (property != null) {
							unknown.putIfAbsent(name.toString(), property);
						}
					});
				}
			}
			if (!unknown.isEmpty()) {
				throw failure(unknown);
			}
		}

		private boolean isUnbound(ConfigurationPropertyName name) {
			if (this.bound.contains(name)) {
				return false;
			}
			// An element of a list that a property source with precedence replaced.
			for (ConfigurationPropertyName parent = name.getParent(); !parent.isEmpty()
					&& ROOT.isAncestorOf(parent); parent = parent.getParent()) {
				if (this.bound.contains(parent) && name.isLastElementIndexed()) {
					return false;
				}
			}
			return true;
		}

		private static boolean isSystemEnvironment(ConfigurationPropertySource source) {
			return source.getUnderlyingSource() instanceof PropertySource<?> propertySource
					&& StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName());
		}

	}

}
