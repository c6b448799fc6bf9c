package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lazaret holds}: review held versions and decide on them through the admin API. */
@Command(name = "holds", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List, explain, approve and reject held versions (admin API).",
    footer = {"", AdminHelp.CONNECTION_1, AdminHelp.CONNECTION_2, AdminHelp.EXIT_CODES})
final class HoldsCommand extends CommandGroup {

  /** The {@code holds} command with its subcommands; times shown relative to {@code clock}. */
  static CommandLine commandLine(Map<String, String> env, Clock clock) {
    return new CommandLine(new HoldsCommand())
        .addSubcommand(new HoldsListCommand(env, clock))
        .addSubcommand(new HoldsShowCommand(env, clock))
        .addSubcommand(new HoldDecisionCommand.Approve(env))
        .addSubcommand(new HoldDecisionCommand.Reject(env))
        .addSubcommand(new HoldGroupsListCommand(env, clock))
        .addSubcommand(new HoldGroupDecisionCommand.Approve(env))
        .addSubcommand(new HoldGroupDecisionCommand.Reject(env));
  }
}
