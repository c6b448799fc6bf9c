package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that makes admin API calls: connects with the {@link AdminOptions}, runs, and turns
 * an API failure into one line on stderr and exit code 1 (usage errors exit 2, as everywhere).
 */
abstract class AdminCommand implements Callable<Integer> {

  /** Exit code when the API refuses or cannot be reached. */
  static final int EXIT_API_ERROR = 1;

  private final Map<String, String> env;

  @Mixin
  AdminOptions options;

  @Spec
  CommandSpec spec;

  AdminCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public final Integer call() {
    try (AdminClient client = options.connect(env)) {
      run(client);
      return 0;
    } catch (AdminApiException e) {
      spec.commandLine().getErr().println("lazaret: " + e.getMessage());
      return EXIT_API_ERROR;
    }
  }

  /** Does the command's work; output goes to {@link #out()}. */
  abstract void run(AdminClient client) throws AdminApiException;

  /** Where results go. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Whether {@code --json} asked for the API's JSON. */
  boolean json() {
    return options.json;
  }

  /** Prints {@code value} as indented JSON. */
  void printJson(JsonNode value) {
    try {
      out().println(NpmJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }
}
