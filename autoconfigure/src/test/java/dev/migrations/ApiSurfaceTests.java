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

package dev.migrations;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrations.runner.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API packages show no internal type: no public or protected member of a public type
 * in them returns, takes, throws or is of a type from {@code dev.migrations.internal},
 * except the allowances listed here with their reason (see docs/api.md, "What is API").
 *
 * @author Migrations for Spring Boot contributors
 */
class ApiSurfaceTests {

	private static final List<String> API_PACKAGES = List.of("dev.migrations", "dev.migrations.runner",
			"dev.migrations.autoconfigure", "dev.migrations.actuate");

	private static final String INTERNAL = "dev.migrations.internal.";

	/**
	 * Members allowed to show an internal type, as {@code Type#member} ({@code <init>}
	 * for constructors), each with the reason.
	 */
	private static final Map<String, String> ALLOWED = Map.of("Migrator#<init>",
			"the auto-configuration and the tests build migrators; documented as not API, applications use the bean");

	@Test
	void apiShowsNoInternalType() throws Exception {
		Set<String> leaks = new TreeSet<>();
		for (Class<?> type : apiTypes()) {
			leaks.addAll(leaks(type));
		}
		List<String> unexplained = leaks.stream().filter((leak) -> !ALLOWED.containsKey(key(leak))).toList();
		assertThat(unexplained).as("public members that show a type of dev.migrations.internal").isEmpty();
	}

	@Test
	void everyAllowanceIsStillNeeded() throws Exception {
		Set<String> used = new HashSet<>();
		for (Class<?> type : apiTypes()) {
			leaks(type).forEach((leak) -> used.add(key(leak)));
		}
		assertThat(ALLOWED.keySet()).as("allowances that no member needs any more").isSubsetOf(used);
	}

	@Test
	void findsTheApiTypes() throws Exception {
		assertThat(apiTypes()).contains(Migrator.class, MigrationException.class,
				dev.migrations.autoconfigure.MigrationsCustomizer.class,
				dev.migrations.actuate.MigrationsEndpoint.class, dev.migrations.runner.RunReport.Outcome.class);
	}

	private static String key(String leak) {
		return leak.substring(0, leak.indexOf(' '));
	}

	/**
	 * The public types of the API packages, nested ones included, read from the main
	 * classes' directory (the test classes share the packages).
	 * @return the types
	 */
	private static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
		Path root = Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> types = new ArrayList<>();
		for (String pkg : API_PACKAGES) {
			Path directory = root.resolve(pkg.replace('.', '/'));
			List<String> names;
			try (Stream<Path> files = Files.list(directory)) {
				names = files.map((file) -> file.getFileName().toString())
					.filter((name) -> name.endsWith(".class") && !name.equals("package-info.class"))
					.map((name) -> pkg + "." + name.substring(0, name.length() - ".class".length()))
					.sorted()
					.toList();
			}
			for (String name : names) {
				Class<?> type = Class.forName(name, false, ApiSurfaceTests.class.getClassLoader());
				if (isVisible(type)) {
					types.add(type);
				}
			}
		}
		return types;
	}

	private static boolean isVisible(Class<?> type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return false;
		}
		for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
			int modifiers = current.getModifiers();
			boolean nested = current.getDeclaringClass() != null;
			if (!Modifier.isPublic(modifiers) && !(nested && Modifier.isProtected(modifiers))) {
				return false;
			}
		}
		return true;
	}

	private static List<String> leaks(Class<?> type) {
		List<String> leaks = new ArrayList<>();
		String name = type.getName().substring(type.getPackageName().length() + 1);
		if (type.getGenericSuperclass() != null && showsInternal(type.getGenericSuperclass())) {
			leaks.add(name + "#extends " + type.getGenericSuperclass().getTypeName());
		}
		for (Type implemented : type.getGenericInterfaces()) {
			if (showsInternal(implemented)) {
				leaks.add(name + "#implements " + implemented.getTypeName());
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (isVisible(field) && showsInternal(field.getGenericType())) {
				leaks.add(name + "#" + field.getName() + " " + field.getGenericType().getTypeName());
			}
		}
		List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
		executables.addAll(Arrays.asList(type.getDeclaredMethods()));
		for (Executable executable : executables) {
			if (!isVisible(executable)) {
				continue;
			}
			List<Type> shown = new ArrayList<>(Arrays.asList(executable.getGenericParameterTypes()));
			shown.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
			if (executable instanceof Method method) {
				shown.add(method.getGenericReturnType());
			}
			shown.addAll(Arrays.asList(executable.getTypeParameters()));
			if (shown.stream().anyMatch(ApiSurfaceTests::showsInternal)) {
				String member = (executable instanceof Constructor) ? "<init>" : executable.getName();
				leaks.add(name + "#" + member + " " + executable.toGenericString());
			}
		}
		return leaks;
	}

	private static boolean isVisible(Member member) {
		return !member.isSynthetic()
				&& (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
	}

	private static boolean showsInternal(Type type) {
		return showsInternal(type, new HashSet<>());
	}

	private static boolean showsInternal(Type type, Set<Type> seen) {
		if (!seen.add(type)) {
			return false;
		}
		if (type instanceof Class<?> raw) {
			Class<?> component = raw;
			while (component.isArray()) {
				component = component.getComponentType();
			}
			return component.getName().startsWith(INTERNAL);
		}
		if (type instanceof ParameterizedType parameterized) {
			return showsInternal(parameterized.getRawType(), seen)
					|| Arrays.stream(parameterized.getActualTypeArguments())
						.anyMatch((argument) -> showsInternal(argument, seen));
		}
		if (type instanceof GenericArrayType array) {
			return showsInternal(array.getGenericComponentType(), seen);
		}
		if (type instanceof WildcardType wildcard) {
			return Stream.concat(Arrays.stream(wildcard.getUpperBounds()), Arrays.stream(wildcard.getLowerBounds()))
				.anyMatch((bound) -> showsInternal(bound, seen));
		}
		if (type instanceof TypeVariable<?> variable) {
			return Arrays.stream(variable.getBounds()).anyMatch((bound) -> showsInternal(bound, seen));
		}
		return false;
	}

}
