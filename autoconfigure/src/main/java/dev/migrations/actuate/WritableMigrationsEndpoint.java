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

package dev.migrations.actuate;

import java.security.Principal;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.migrations.MigrationException;
import dev.migrations.runner.Migrator;
import dev.migrations.runner.RunReport;
import dev.migrations.runner.Target;

/**
 * The {@code migrations} endpoint with write operations:
 * {@code POST /actuator/migrations/upgrade}, {@code /downgrade} and {@code /stamp}, each
 * with an optional JSON body {@code {"target": "017"}}. Registered instead of
 * {@link MigrationsEndpoint} only when {@code migrations.endpoint.write-operations=true};
 * Spring Boot exposes the operations only when the endpoint's access is
 * {@code unrestricted}.
 * <p>
 * The endpoint only translates: the operations API decides. A request it refuses before
 * writing anything (unknown target, a downgrade through an irreversible revision or one
 * that would apply revisions) answers 400 with the reason and leaves the last run and the
 * health alone. A request that runs is logged with who asked, what and when, runs under
 * the migration lock, and answers with the new report (500 if the run failed).
 *
 * @author Migrations for Spring Boot contributors
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
	 * @param target {@code head}, {@code base} or a revision id; an upgrade defaults to
	 * {@code head}
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
		String text = (target != null && !target.isBlank()) ? target.trim()
				: (requested == Operation.UPGRADE) ? "head" : null;
		if (text == null) {
			return refused(operation, null, "A " + requested.label + " needs a target.",
					"Send a JSON body such as {\"target\": \"017\"}.");
		}
		Target parsed;
		try {
			parsed = Target.of(text);
		}
		catch (IllegalArgumentException ex) {
			return refused(operation, null, "The target " + ex.getMessage() + ".",
					"Send a JSON body such as {\"target\": \"017\"}.");
		}
		String who = who(securityContext);
		RunReport before = getMigrator().lastRun();
		logger.info("Migrations endpoint: {} to {} requested by {} at {}", requested.label, parsed, who, Instant.now());
		try {
			RunReport report = switch (requested) {
				case UPGRADE -> getMigrator().upgrade(parsed);
				case DOWNGRADE -> getMigrator().downgrade(parsed);
				case STAMP -> getMigrator().stamp(parsed);
			};
			logger.info(
					"Migrations endpoint: {} to {} requested by {} ended {}: revision {} -> {}, applied {}, "
							+ "reversed {}, recorded {}",
					requested.label, parsed, who, report.outcome(), report.from(), report.to(), report.applied(),
					report.reverted(), report.recorded());
			return new WebEndpointResponse<>(migrations(), WebEndpointResponse.STATUS_OK);
		}
		catch (MigrationException ex) {
			if (getMigrator().lastRun() != before) {
				// A run that failed, or could not have its lock or backup: reported in
				// the last run.
				logger.warn("Migrations endpoint: {} to {} requested by {} failed: {}", requested.label, parsed, who,
						ex.getMessage());
				return new WebEndpointResponse<>(migrations(), WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
			}
			// Refused by the operations API before anything was written: the last run and
			// the health are unchanged.
			logger.info("Migrations endpoint: {} to {} requested by {} refused, nothing was written: {}",
					requested.label, parsed, who, ex.getMessage());
			return refused(operation, parsed.toString(), ex.getMessage(), ex.getAction());
		}
		catch (RuntimeException ex) {
			logger.warn("Migrations endpoint: {} to {} requested by {} failed: {}", requested.label, parsed, who,
					ex.getMessage());
			return new WebEndpointResponse<>(migrations(), WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
		}
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
