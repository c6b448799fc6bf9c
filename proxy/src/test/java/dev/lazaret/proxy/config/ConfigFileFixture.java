package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Flags, environment and a config file in a temporary directory, for loader tests. */
final class ConfigFileFixture {

  final Map<String, String> flags;
  final Map<String, String> env;
  private final Path dir;
  private Path file;

  /** Minimal settings: an upstream in the environment and the data directory under {@code dir}. */
  ConfigFileFixture(Path dir) {
    this.dir = dir;
    // Every test pins the data directory so none writes ./data into the module directory.
    flags = new HashMap<>(Map.of("data", dir.resolve("data").toString()));
    env = new HashMap<>(Map.of("LAZARET_UPSTREAM", "http://registry.example/"));
  }

  /** Writes {@code yaml} as the config file and points {@code --config} at it. */
  Path config(String yaml) throws IOException {
    file = dir.resolve("lazaret.yaml");
    Files.writeString(file, yaml);
    flags.put("config", file.toString());
    return file;
  }

  /** How a message about {@code line} of the config file starts: {@code config F line N: }. */
  String at(int line) {
    return "config " + file + " line " + line + ": ";
  }

  /** Loads the settings. */
  Settings load() throws ConfigException {
    return SettingsLoader.load(flags, env);
  }

  /** The one-line message loading fails with. */
  String error() {
    try {
      load();
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }
}
