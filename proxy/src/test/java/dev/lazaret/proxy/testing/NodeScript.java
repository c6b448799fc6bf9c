package dev.lazaret.proxy.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one Node.js script from PATH's {@code node}, with an exact environment and a timeout. */
public final class NodeScript {

  private NodeScript() {
  }

  /**
   * Runs {@code node script args...} in {@code directory} with exactly {@code environment} (add
   * PATH and HOME yourself); on timeout the script and everything it started are killed.
   */
  public static CommandResult run(Path script, List<String> args, Path directory,
      Map<String, String> environment, Duration timeout) {
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(args);
    return ProcessRunner.run(command, directory, environment, timeout);
  }
}
