package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lazaret rules}: standing trust and deny rules through the admin API. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List, add and remove trust and deny rules (admin API).",
    footer = {"", AdminHelp.CONNECTION_1, AdminHelp.CONNECTION_2, AdminHelp.EXIT_CODES})
final class RulesCommand extends CommandGroup {

  /** The {@code rules} command with its subcommands; times shown relative to {@code clock}. */
  static CommandLine commandLine(Map<String, String> env, Clock clock) {
    return new CommandLine(new RulesCommand())
        .addSubcommand(new RulesListCommand(env, clock))
        .addSubcommand(new RulesAddCommand(env, clock))
        .addSubcommand(new RulesRemoveCommand(env));
  }
}
