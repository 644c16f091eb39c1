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

package dev.migrations.scenarios;

import java.sql.Statement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.migrations.JavaRevision;
import dev.migrations.JavaRevisionContext;

/**
 * Java revision 004 of the crash scenarios, present when
 * {@code scenario.java-revision=true}: it renames the accounts and adds an invoice, then
 * sleeps — but only for a client whose application name contains {@code slow-004}, so the
 * process that is killed is killed inside it and the restart runs it at full speed.
 */
@Component
@ConditionalOnBooleanProperty("scenario.java-revision")
class SlowJavaRevision implements JavaRevision {

	@Override
	public String id() {
		return "004";
	}

	@Override
	public String description() {
		return "mark customers";
	}

	@Override
	public void upgrade(JavaRevisionContext context) throws Exception {
		context.jdbcClient().sql("UPDATE accounts SET name = name || ' (customer)'").update();
		context.jdbcClient().sql("INSERT INTO invoices (id, project_id, amount) VALUES (2, 1, 50.00)").update();
		try (Statement statement = context.connection().createStatement()) {
			statement.execute("SELECT pg_sleep(CASE WHEN current_setting('application_name') LIKE '%slow-004%' "
					+ "THEN 60 ELSE 0 END)");
		}
	}

}
