package dev.migrations.autoconfigure;

import dev.migrations.MigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a {@link MigrationException} as "APPLICATION FAILED TO START": what happened,
 * and the next step.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> implements Ordered {

	@Override
	public int getOrder() {
		// Before Spring Boot's analyzers of a failed binding, which would report an
		// unknown migrations setting without its closest known name.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
