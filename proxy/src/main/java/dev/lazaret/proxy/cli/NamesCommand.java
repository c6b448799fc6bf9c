package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Version;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lazaret names}: the publisher-name scorer, offline (no server, no data directory). */
@Command(name = "names", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Score account names with the quarantine's name scorer (offline).")
final class NamesCommand extends CommandGroup {

  /** The {@code names} command with its subcommands; {@code stdin} is read only when needed. */
  static CommandLine commandLine(Map<String, String> env, Supplier<InputStream> stdin) {
    return new CommandLine(new NamesCommand())
        .addSubcommand(new NamesScoreCommand(env, stdin));
  }
}
