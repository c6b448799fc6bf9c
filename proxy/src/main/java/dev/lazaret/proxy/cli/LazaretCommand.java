package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code lazaret} command: only dispatches to its subcommands. */
@Command(name = "lazaret", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "A caching npm registry proxy that holds new releases in quarantine.")
final class LazaretCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  /** Without a subcommand there is nothing to do: show the usage and fail as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }
}
