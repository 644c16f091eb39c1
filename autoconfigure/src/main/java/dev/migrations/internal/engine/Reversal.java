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

package dev.migrations.internal.engine;

import org.jspecify.annotations.Nullable;

/**
 * Whether and how a change set or revision can be reversed.
 *
 * @param reversible whether it can be reversed
 * @param how how it is reversed ({@code 018_x.down.sql}, a rollback block, Liquibase's
 * automatic inverse), or why not
 * @author Migrations for Spring Boot contributors
 */
public record Reversal(boolean reversible, String how) {

	static Reversal by(String how) {
		return new Reversal(true, how);
	}

	static Reversal impossible(String why) {
		return new Reversal(false, why);
	}

	static Reversal combine(Reversal first, @Nullable Reversal second) {
		if (second == null) {
			return first;
		}
		if (!first.reversible()) {
			return first;
		}
		if (!second.reversible()) {
			return second;
		}
		return first.how().equals(second.how()) ? first : by(first.how() + "; " + second.how());
	}

}
