package dev.lazaret.proxy.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Assembles the {@code lazaret} command line: commands, settings flags, help and errors. */
public final class Cli {

  private Cli() {
  }

  /**
   * The command line, ready to {@link CommandLine#execute}; tests can redirect its output with
   * {@link CommandLine#setOut} and {@link CommandLine#setErr}.
   *
   * @param env the environment settings are read from ({@code System.getenv()} in production)
   */
  public static CommandLine create(Map<String, String> env) {
    return create(env, Clock.systemUTC());
  }

  /**
   * The same, showing times relative to {@code clock} (tests fix it, so printed times are
   * exact).
   */
  public static CommandLine create(Map<String, String> env, Clock clock) {
    CommandLine serve = new CommandLine(new ServeCommand(env));
    ServeCommand.addSettingFlags(serve.getCommandSpec());
    SettingsHelp.addTo(serve);
    CommandLine root = new CommandLine(new LazaretCommand())
        .addSubcommand(serve)
        .addSubcommand(new PingCommand())
        .addSubcommand(HoldsCommand.commandLine(env, clock))
        .addSubcommand(RulesCommand.commandLine(env, clock));
    root.addSubcommand(NamesCommand.commandLine(env, () -> System.in));
    root.addSubcommand(new InspectCommand(clock));
    SettingsHelp.addTo(root);
    // Set after the subcommands are added: picocli copies these only to existing subcommands.
    root.setParameterExceptionHandler(new OneLineUsageErrors());
    return root;
  }
}
