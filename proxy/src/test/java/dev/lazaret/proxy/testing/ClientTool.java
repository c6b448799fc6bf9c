package dev.lazaret.proxy.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An installed package manager that {@link ClientTools} provides.
 *
 * @param command     the executable and leading arguments, e.g. {@code [node, .../yarn.js]}
 * @param directory   where it is installed, under the tools directory
 * @param installTime how long installing took in this JVM; zero when an install was reused
 */
public record ClientTool(String name, String version, List<String> command, Path directory,
    Duration installTime) {

  public ClientTool {
    command = List.copyOf(command);
  }
}
