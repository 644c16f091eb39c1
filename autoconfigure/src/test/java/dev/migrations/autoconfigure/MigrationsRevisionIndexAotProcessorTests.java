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

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import dev.migrations.internal.revision.RevisionIndex;
import dev.migrations.runner.Migrator;
import dev.migrations.test.RevisionDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class MigrationsRevisionIndexAotProcessorTests {

	@TempDir
	Path classpath;

	@Test
	void writesTheIndexOfTheConfiguredClasspathLocationAndRegistersItsFiles() throws IOException {
		RevisionDirectory.in(this.classpath.resolve("schema/revisions"))
			.add("001_users.sql", "CREATE TABLE users (id INT);")
			.add("002_orders.sql", "CREATE TABLE orders (id INT);");
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generationContext = process(
				new MockEnvironment().withProperty("migrations.location", "classpath:schema/revisions"), files);
		String index = files.getGeneratedFileContent(Kind.RESOURCE, "schema/revisions/.revisions.index");
		assertThat(index).isNotNull();
		RevisionIndex parsed = RevisionIndex.parse(index);
		assertThat(parsed.location()).isEqualTo("classpath:schema/revisions");
		assertThat(parsed.entries()).extracting(RevisionIndex.Entry::name)
			.containsExactlyInAnyOrder("001_users.sql", "002_orders.sql");
		assertThat(RuntimeHintsPredicates.resource().forResource("schema/revisions/001_users.sql"))
			.accepts(generationContext.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.resource().forResource("schema/revisions/.revisions.index"))
			.accepts(generationContext.getRuntimeHints());
	}

	@Test
	void writesAnIndexPerDatabaseInstance() throws IOException {
		RevisionDirectory.in(this.classpath.resolve("db/orders"))
			.add("001_orders.sql", "CREATE TABLE orders (id INT);");
		RevisionDirectory.in(this.classpath.resolve("db/billing"))
			.add("001_invoices.sql", "CREATE TABLE invoices (id INT);");
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generationContext = process(
				new MockEnvironment().withProperty("migrations.instances.orders.location", "classpath:db/orders/")
					.withProperty("migrations.instances.billing.location", "classpath:db/billing/"),
				files);
		assertThat(files.getGeneratedFileContent(Kind.RESOURCE, "db/orders/.revisions.index"))
			.contains("001_orders.sql");
		assertThat(files.getGeneratedFileContent(Kind.RESOURCE, "db/billing/.revisions.index"))
			.contains("001_invoices.sql");
		assertThat(RuntimeHintsPredicates.resource().forResource("db/billing/001_invoices.sql"))
			.accepts(generationContext.getRuntimeHints());
	}

	@Test
	void contributesNothingWithoutAMigrator() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, new MockEnvironment());
		assertThat(new MigrationsRevisionIndexAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	@Test
	void contributesNothingForAFileLocation() {
		DefaultListableBeanFactory beanFactory = beanFactory(
				new MockEnvironment().withProperty("migrations.location", "file:" + this.classpath));
		assertThat(new MigrationsRevisionIndexAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	private DefaultGenerationContext process(MockEnvironment environment, InMemoryGeneratedFiles files)
			throws IOException {
		DefaultListableBeanFactory beanFactory = beanFactory(environment);
		BeanFactoryInitializationAotContribution contribution = new MigrationsRevisionIndexAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), files);
		contribution.applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
		return generationContext;
	}

	private DefaultListableBeanFactory beanFactory(MockEnvironment environment) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		try {
			beanFactory.setBeanClassLoader(
					new URLClassLoader(new URL[] { this.classpath.toUri().toURL() }, getClass().getClassLoader()));
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		beanFactory.registerSingleton(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, environment);
		beanFactory.registerBeanDefinition("migrator", new RootBeanDefinition(Migrator.class));
		return beanFactory;
	}

}
