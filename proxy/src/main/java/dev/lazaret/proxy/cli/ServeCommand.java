package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Lazaret;
import dev.lazaret.proxy.StartupException;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Setting;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.config.SettingsLoader;
import dev.lazaret.proxy.config.SettingsSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code lazaret serve}: load the settings, start the proxy, run until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run the registry proxy; SIGTERM or Ctrl-C stops it gracefully.")
final class ServeCommand implements Callable<Integer> {

  /** Exit code for bad settings and start-up failures, the same as for usage errors. */
  static final int EXIT_BAD_SETTINGS = 2;

  private final Map<String, String> env;

  @Spec
  private CommandSpec spec;

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  /** Adds one option per setting that has a flag, so the schema is the only list of flags. */
  static void addSettingFlags(CommandSpec serve) {
    for (Setting<?> setting : SettingsSchema.ALL) {
      setting.flag().ifPresent(flag -> serve.addOption(OptionSpec.builder(flag)
          .paramLabel(setting.label())
          .type(String.class)
          .description("Env " + setting.env() + (setting == SettingsSchema.CONFIG ? ""
              : ", config key '" + setting.key() + "'") + ". Default: " + setting.helpDefault())
          .build()));
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    // close() drains in-flight responses, so SIGTERM ends the process gracefully; handled here,
    // it lets this method return 0. Handled from the start: a SIGTERM while starting stops the
    // server as soon as it is up, instead of the JVM's default exit in the middle.
    CompletableFuture<Lazaret> running = new CompletableFuture<>();
    StopSignal.onTerm(() -> running.thenAccept(Lazaret::close));
    Lazaret lazaret;
    try {
      Settings settings = SettingsLoader.load(flags(), env);
      lazaret = Lazaret.start(settings);
    } catch (ConfigException | StartupException e) {
      spec.commandLine().getErr().println("lazaret: " + oneLine(e.getMessage()));
      return EXIT_BAD_SETTINGS;
    }
    // For Ctrl-C, and for a JVM where SIGTERM cannot be handled.
    Runtime.getRuntime().addShutdownHook(new Thread(lazaret::close, "lazaret-shutdown"));
    running.complete(lazaret);
    lazaret.awaitTermination();
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> given = new HashMap<>();
    for (Setting<?> setting : SettingsSchema.ALL) {
      setting.flag().map(spec::findOption).map(OptionSpec::<String>getValue)
          .ifPresent(value -> given.put(setting.key(), value));
    }
    return given;
  }

  private static String oneLine(String message) {
    return message == null ? "start-up failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
