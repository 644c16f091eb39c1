package dev.migrations.command;

import dev.migrations.command.CommandLine.Command;
import dev.migrations.runner.Target;
import org.junit.jupiter.api.Test;

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
