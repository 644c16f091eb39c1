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

package dev.migrations.benchmark.app;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * The one application every variant runs: no beans of its own, only what the
 * auto-configuration of its class path brings (this starter, Spring Boot's Liquibase or
 * Flyway integration, or nothing but JDBC). Once the context is ready it uses its
 * database once, as any application does, and prints a {@link ResultLine}.
 * <p>
 * The migration step is the time spent creating the migration tool's beans, read from
 * Spring's startup steps ({@code spring.beans.instantiate}): the outermost steps whose
 * bean name contains {@code benchmark.tool-beans} ({@code migrat}, {@code liquibase},
 * {@code flyway}), summed. It includes the migration itself (the initializer bean runs
 * it), the connection it opens and the beans the tool's beans create first.
 * <p>
 * With {@code benchmark.open-database-first}, the application opens (and closes) one
 * connection of its {@link DataSource} as soon as that bean exists, before any migration
 * tool uses it: the database is open, the pool and the driver started, and the step
 * counts the tool's own work. The creation of the {@code dataSource} bean, the opening
 * included, is then subtracted from the step where it happened inside a tool bean's
 * creation.
 * <p>
 * System properties: {@code benchmark.tool-beans}, {@code benchmark.query} (run once when
 * ready), {@code benchmark.serve} (start a web server and keep running until standard
 * input closes), {@code benchmark.open-database-first}, {@code benchmark.floor-check}
 * (see {@link FloorCheck}), {@code benchmark.steps-cpu} (print the main thread's CPU by
 * startup step, without what nested in it, largest first:
 * {@code BENCHMARK-STEP-CPU <ms> <step>[:<bean>]}).
 *
 * @author Migrations for Spring Boot contributors
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchmarkApp {

	/**
	 * The system property that makes the application open its database before the
	 * migration step.
	 */
	public static final String OPEN_DATABASE_FIRST = "benchmark.open-database-first";

	private static final String DATA_SOURCE_BEAN = "dataSource";

	public static void main(String[] args) throws Exception {
		boolean serve = Boolean.getBoolean("benchmark.serve");
		boolean openFirst = Boolean.getBoolean(OPEN_DATABASE_FIRST);
		SpringApplication application = new SpringApplication(BenchmarkApp.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(200_000);
		ThreadCpuStartup threadCpu = new ThreadCpuStartup(startup, System.getProperty("benchmark.tool-beans", ""));
		application.setApplicationStartup(threadCpu);
		application.setWebApplicationType(serve ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		OpenDatabaseFirst opener = new OpenDatabaseFirst();
		if (openFirst) {
			// Registered on the bean factory before any bean exists, so that it sees the
			// DataSource bean being made.
			application.addInitializers((context) -> context.getBeanFactory().addBeanPostProcessor(opener));
		}
		ConfigurableApplicationContext context = application.run(args);
		if (Boolean.getBoolean(FloorCheck.PROPERTY)) {
			FloorCheck.run(context.getBean(DataSource.class), System.getProperty("spring.datasource.url"),
					System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
		}
		useDatabase(context.getBean(DataSource.class), System.getProperty("benchmark.query"));
		long readyAt = System.currentTimeMillis();
		long step = migrationStep(startup, System.getProperty("benchmark.tool-beans", ""), openFirst);
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
		ResultLine.print(readyAt, step, opener.openNanos(), port);
		JvmAccounting.print(threadCpu.toolBeansCpuMillis());
		if (Boolean.getBoolean("benchmark.steps-cpu")) {
			threadCpu.selfCpuMillis(60)
				.forEach(
						(name, millis) -> System.out.printf(Locale.ROOT, "BENCHMARK-STEP-CPU %.1f %s%n", millis, name));
		}
		if (serve) {
			awaitEndOfInput(System.in);
		}
		System.exit(SpringApplication.exit(context));
	}

	private static void useDatabase(DataSource dataSource, String query) throws SQLException {
		if (query == null || query.isBlank()) {
			return;
		}
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
		}
	}

	/**
	 * The migration step: the outermost steps of the tool's beans, summed.
	 * @param startup the startup steps
	 * @param keyword what the tool's bean names contain
	 * @param withoutDataSource whether the creation of the {@code dataSource} bean is
	 * subtracted where it happened inside a tool bean's creation: when the database is
	 * opened first, that creation includes the opening
	 * @return nanoseconds
	 */
	static long migrationStep(BufferingApplicationStartup startup, String keyword, boolean withoutDataSource) {
		if (keyword.isEmpty()) {
			return 0;
		}
		Map<Long, TimelineEvent> byId = new HashMap<>();
		for (TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
			byId.put(event.getStartupStep().getId(), event);
		}
		long total = 0;
		StringBuilder steps = new StringBuilder();
		for (TimelineEvent event : byId.values()) {
			if (isToolBean(event, keyword) && !hasToolAncestor(event, byId, keyword)) {
				total += event.getDuration().toNanos();
				steps.append(String.format(Locale.ROOT, " %s=%.1fms", beanName(event),
						event.getDuration().toNanos() / 1_000_000.0));
			}
		}
		if (withoutDataSource) {
			for (TimelineEvent event : byId.values()) {
				if (isBean(event, DATA_SOURCE_BEAN) && hasToolAncestor(event, byId, keyword)) {
					total -= event.getDuration().toNanos();
					steps.append(String.format(Locale.ROOT, " minus %s=%.1fms", DATA_SOURCE_BEAN,
							event.getDuration().toNanos() / 1_000_000.0));
				}
			}
		}
		System.out.println("BENCHMARK-STEPS" + steps);
		return total;
	}

	private static boolean hasToolAncestor(TimelineEvent event, Map<Long, TimelineEvent> byId, String keyword) {
		Long parent = event.getStartupStep().getParentId();
		while (parent != null) {
			TimelineEvent ancestor = byId.get(parent);
			if (ancestor == null) {
				return false;
			}
			if (isToolBean(ancestor, keyword)) {
				return true;
			}
			parent = ancestor.getStartupStep().getParentId();
		}
		return false;
	}

	private static boolean isToolBean(TimelineEvent event, String keyword) {
		return isToolBean(event.getStartupStep(), keyword);
	}

	/**
	 * Whether a step creates one of the migration tool's beans.
	 * @param step a startup step
	 * @param keyword what the tool's bean names contain, lower case; empty for no tool
	 * @return whether it is a {@code spring.beans.instantiate} step of such a bean
	 */
	static boolean isToolBean(StartupStep step, String keyword) {
		if (keyword.isEmpty() || !"spring.beans.instantiate".equals(step.getName())) {
			return false;
		}
		String name = beanName(step);
		return name != null && name.toLowerCase(Locale.ROOT).contains(keyword);
	}

	private static boolean isBean(TimelineEvent event, String name) {
		return "spring.beans.instantiate".equals(event.getStartupStep().getName()) && name.equals(beanName(event));
	}

	private static String beanName(TimelineEvent event) {
		return beanName(event.getStartupStep());
	}

	/**
	 * The bean a {@code spring.beans.instantiate} step creates.
	 * @param step a startup step
	 * @return its {@code beanName} tag, or {@code null}
	 */
	static String beanName(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if ("beanName".equals(tag.getKey())) {
				return tag.getValue();
			}
		}
		return null;
	}

	private static void awaitEndOfInput(InputStream input) throws IOException {
		byte[] buffer = new byte[256];
		while (input.read(buffer) != -1) {
			// the harness closes standard input when it has measured
		}
	}

	/**
	 * Opens (and closes) one connection of the first {@link DataSource} bean as soon as
	 * it is initialized, and records how long that took.
	 */
	private static final class OpenDatabaseFirst implements BeanPostProcessor {

		private final AtomicBoolean opened = new AtomicBoolean();

		private volatile long openNanos;

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
			if (bean instanceof DataSource dataSource && this.opened.compareAndSet(false, true)) {
				long started = System.nanoTime();
				try {
					dataSource.getConnection().close();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Cannot open the database of bean " + beanName, ex);
				}
				this.openNanos = System.nanoTime() - started;
			}
			return bean;
		}

		/**
		 * How long opening (and closing) the connection took, or 0 if it did not happen.
		 * @return the long
		 */
		long openNanos() {
			return this.openNanos;
		}

	}

}
