package dev.migrations.actuate;

import java.security.Principal;
import java.time.Instant;
import java.util.Locale;

import dev.migrations.MigrationException;
import dev.migrations.revision.RevisionGraph;
import dev.migrations.revision.RevisionId;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RevisionDetail;
import dev.migrations.runner.RunReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code migrations} endpoint with write operations: {@code POST /actuator/migrations/upgrade},
 * {@code /downgrade} and {@code /stamp}, each with an optional JSON body {@code {"target": "017"}}. Registered instead
 * of {@link MigrationsEndpoint} only when {@code migrations.endpoint.write-operations=true}; Spring Boot exposes the
 * operations only when the endpoint's access is {@code unrestricted}.
 * <p>
 * Each request is checked without writing before it runs, so that a request that cannot succeed (unknown target, a
 * downgrade through an irreversible revision) is refused with 400 and leaves the last run and the health alone. A
 * request that runs is logged with who asked, what and when, runs under the migration lock, and answers with the new
 * report (500 if the run failed).
 */
public class WritableMigrationsEndpoint extends MigrationsEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(WritableMigrationsEndpoint.class);

	/**
	 * Create an endpoint.
	 * @param migrator the migrator to report on and run
	 */
	public WritableMigrationsEndpoint(Migrator migrator) {
		super(migrator);
	}

	/**
	 * Upgrade, downgrade or stamp the database.
	 * @param operation {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param target {@code head} or a revision id; an upgrade defaults to {@code head}
	 * @param securityContext who asked
	 * @return the new report, or why the request was refused
	 */
	@WriteOperation
	public WebEndpointResponse<?> migrate(@Selector String operation, @Nullable String target,
			SecurityContext securityContext) {
		Operation requested = Operation.from(operation);
		if (requested == null) {
			return refused(operation, target, "Unknown operation '" + operation + "'.",
					"POST to /actuator/migrations/upgrade, /downgrade or /stamp.");
		}
		String resolvedTarget = (target != null && !target.isBlank()) ? target.trim()
				: (requested == Operation.UPGRADE) ? RevisionGraph.HEAD : null;
		if (resolvedTarget == null) {
			return refused(operation, null, "A " + requested.label + " needs a target.",
					"Send a JSON body such as {\"target\": \"017\"}.");
		}
		if (!RevisionGraph.HEAD.equalsIgnoreCase(resolvedTarget) && !RevisionId.isValid(resolvedTarget)) {
			return refused(operation, null, "The target is neither 'head' nor a revision id.",
					"Send a JSON body such as {\"target\": \"017\"}.");
		}
		String who = who(securityContext);
		try {
			check(requested, resolvedTarget);
		}
		catch (MigrationException ex) {
			logger.info("Migrations endpoint: {} to {} requested by {} refused, nothing was written: {}",
					requested.label, resolvedTarget, who, ex.getMessage());
			return refused(operation, resolvedTarget, ex.getMessage(), ex.getAction());
		}
		logger.info("Migrations endpoint: {} to {} requested by {} at {}", requested.label, resolvedTarget, who,
				Instant.now());
		try {
			RunReport report = switch (requested) {
				case UPGRADE -> getMigrator().upgrade(resolvedTarget);
				case DOWNGRADE -> getMigrator().downgrade(resolvedTarget);
				case STAMP -> getMigrator().stamp(resolvedTarget);
			};
			logger.info("Migrations endpoint: {} to {} requested by {} ended {}: revision {} -> {}, applied {}, "
					+ "reversed {}, recorded {}", requested.label, resolvedTarget, who, report.outcome(),
					report.from(), report.to(), report.applied(), report.reverted(), report.recorded());
			return new WebEndpointResponse<>(migrations(), WebEndpointResponse.STATUS_OK);
		}
		catch (RuntimeException ex) {
			logger.warn("Migrations endpoint: {} to {} requested by {} failed: {}", requested.label, resolvedTarget,
					who, ex.getMessage());
			return new WebEndpointResponse<>(migrations(), WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
		}
	}

	/**
	 * Fail, writing nothing and recording no run, if the request cannot succeed.
	 */
	private void check(Operation operation, String target) {
		if (operation == Operation.STAMP) {
			if (!RevisionGraph.HEAD.equalsIgnoreCase(target)) {
				RevisionDetail revision = getMigrator().revision(target).orElse(null);
				if (revision == null || revision.files().isEmpty()) {
					throw new MigrationException("The application has no revision '" + target + "' to stamp.",
							"Stamp 'head' or a revision id listed by GET /actuator/migrations.");
				}
			}
			return;
		}
		if (operation == Operation.DOWNGRADE) {
			RevisionDetail revision = getMigrator().revision(target).orElse(null);
			if (revision == null || !revision.state().isRecorded()) {
				throw new MigrationException(
						"Revision '" + target + "' is not recorded in the database, so there is nothing to downgrade "
								+ "to.",
						"Downgrade to a revision listed under 'history' by GET /actuator/migrations, or upgrade "
								+ "instead.");
			}
		}
		// Resolves the target, plans the run and checks that every revision to reverse can be reversed.
		getMigrator().sql(target, operation == Operation.DOWNGRADE);
	}

	private WebEndpointResponse<RefusedDescriptor> refused(String operation, @Nullable String target, String error,
			String action) {
		return new WebEndpointResponse<>(new RefusedDescriptor(operation, target, error, action),
				WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	private static String who(SecurityContext securityContext) {
		Principal principal = securityContext.getPrincipal();
		return (principal != null) ? "'" + principal.getName() + "'" : "an unauthenticated caller";
	}

	/**
	 * A write request that was refused before anything ran.
	 *
	 * @param operation the operation asked for
	 * @param target the target asked for
	 * @param error why it was refused
	 * @param action what to do instead
	 */
	public record RefusedDescriptor(String operation, @Nullable String target, String error, String action) {

	}

	private enum Operation {

		UPGRADE("upgrade"), DOWNGRADE("downgrade"), STAMP("stamp");

		private final String label;

		Operation(String label) {
			this.label = label;
		}

		static @Nullable Operation from(String name) {
			for (Operation operation : values()) {
				if (operation.label.equals(name.toLowerCase(Locale.ROOT))) {
					return operation;
				}
			}
			return null;
		}

	}

}
