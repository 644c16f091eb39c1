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

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Adds the {@code migrations} health contributor to the {@code readiness} group of the
 * availability probes, so that an instance whose database is not at the target receives
 * no traffic. A readiness group whose members the user configured
 * ({@code management.endpoint.health.group.readiness.include} or {@code .exclude}) is
 * left alone. Must run after Spring Boot's availability probes post-processor, which
 * creates the group.
 *
 * @author Migrations for Spring Boot contributors
 */
class MigrationsReadinessHealthEndpointGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	private final String contributor;

	private final boolean membershipConfigured;

	/**
	 * Create a post-processor.
	 * @param contributor the name of the health contributor to add
	 * @param membershipConfigured whether the user configured the readiness group's
	 * members
	 */
	MigrationsReadinessHealthEndpointGroupsPostProcessor(String contributor, boolean membershipConfigured) {
		this.contributor = contributor;
		this.membershipConfigured = membershipConfigured;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (this.membershipConfigured || groups.get(READINESS) == null) {
			return groups;
		}
		return new ReadinessGroups(groups, this.contributor);
	}

	private static final class ReadinessGroups implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups groups;

		private final String contributor;

		ReadinessGroups(HealthEndpointGroups groups, String contributor) {
			this.groups = groups;
			this.contributor = contributor;
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			HealthEndpointGroup group = this.groups.get(name);
			return (group != null && READINESS.equals(name)) ? new ReadinessGroup(group, this.contributor) : group;
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	private static final class ReadinessGroup implements HealthEndpointGroup {

		private final HealthEndpointGroup group;

		private final String contributor;

		ReadinessGroup(HealthEndpointGroup group, String contributor) {
			this.group = group;
			this.contributor = contributor;
		}

		@Override
		public boolean isMember(String name) {
			return this.contributor.equals(name) || name.startsWith(this.contributor + "/")
					|| this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
