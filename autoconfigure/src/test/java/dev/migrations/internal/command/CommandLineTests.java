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

package dev.migrations.internal.command;

import org.junit.jupiter.api.Test;

import dev.migrations.internal.command.CommandLine.Command;
import dev.migrations.runner.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

	@Test
	void parsesCommandsWithTheirRevisionAndFlags() {
		CommandLine upgrade = CommandLine.parse("  upgrade 019 --sql ");
		assertThat(upgrade.command()).isEqualTo(Command.UPGRADE);
		assertThat(upgrade.target()).isEqualTo(Target.of("019"));
		assertThat(upgrade.has("--sql")).isTrue();
		assertThat(CommandLine.parse("upgrade").target()).isEqualTo(Target.HEAD);
		assertThat(CommandLine.parse("downgrade base").target()).isEqualTo(Target.BASE);
		assertThat(CommandLine.parse("HISTORY --verbose").has("--verbose")).isTrue();
		assertThat(CommandLine.parse("check").target()).isNull();
		assertThat(CommandLine.parse("check --schema").has("--schema")).isTrue();
		CommandLine baseline = CommandLine.parse("generate-baseline 001 --directory=/tmp/x");
		assertThat(baseline.command()).isEqualTo(Command.GENERATE_BASELINE);
		assertThat(baseline.directory()).isEqualTo("/tmp/x");
		assertThat(CommandLine.parse("generate-baseline 001").directory())
			.isEqualTo("src/main/resources/db/migrations");
	}

	@Test
	void refusesUnknownCommandsAndWrongArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("migrate"))
			.withMessage("Unknown command 'migrate'.");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("downgrade"))
			.withMessage("The command 'downgrade' needs a revision.");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("current 018"))
			.withMessage("The command 'current' takes no revision, not 018.");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("stamp 018 --sql"))
			.withMessageContaining("has no option --sql");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("upgrade 018 019"))
			.withMessageContaining("at most one revision");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("upgrade 0;18"))
			.withMessageContaining("is neither 'head', 'base' nor a revision id");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(" "))
			.withMessage("migrations.command is empty.");
	}

	@Test
	void usageListsEveryCommand() {
		for (Command command : Command.values()) {
			assertThat(CommandLine.USAGE).contains("  " + command.label());
		}
	}

}
