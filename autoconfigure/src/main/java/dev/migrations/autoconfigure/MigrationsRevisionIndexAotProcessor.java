package dev.migrations.autoconfigure;

import java.util.Map;

import dev.migrations.revision.RevisionIndex;
import dev.migrations.revision.RevisionScanner;
import dev.migrations.runner.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.ResourceHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * At build time (Spring AOT), writes the {@link RevisionIndex} of the revision location the application migrates
 * from and registers its files as resources, so that a native image, which cannot list a classpath directory, finds
 * them. Only for a {@code classpath:} location; a {@code file:} location is read at runtime as always.
 */
class MigrationsRevisionIndexAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(Migrator.class, true, false).length == 0
				|| !beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return null;
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		MigrationsProperties properties = Binder.get(environment)
			.bindOrCreate("migrations", MigrationsProperties.class);
		if (properties.getChangelog() != null) {
			return changelog(properties.getChangelog());
		}
		String location = properties.getLocation();
		String directory = RevisionIndex.classpathDirectory(location);
		String indexPath = RevisionIndex.resourcePath(location);
		if (directory == null || indexPath == null) {
			return null;
		}
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		Map<String, Resource> files = new RevisionScanner(new PathMatchingResourcePatternResolver(classLoader))
			.listFiles(location);
		String index = RevisionIndex.of(location, files).text();
		return (generationContext, code) -> {
			generationContext.getGeneratedFiles().addResourceFile(indexPath, index);
			ResourceHints resources = generationContext.getRuntimeHints().resources();
			resources.registerPattern(indexPath);
			resources.registerPattern(directory + "*");
		};
	}

	// A master changelog includes other files, usually beside it or below it: its whole directory is registered.
	private static @Nullable BeanFactoryInitializationAotContribution changelog(String changelog) {
		String path = RevisionIndex.classpathDirectory(changelog);
		if (path == null) {
			return null;
		}
		String file = path.substring(0, path.length() - 1);
		String directory = file.substring(0, file.lastIndexOf('/') + 1);
		return (GenerationContext generationContext, BeanFactoryInitializationCode code) -> generationContext
			.getRuntimeHints()
			.resources()
			.registerPattern(directory + "**");
	}

}
