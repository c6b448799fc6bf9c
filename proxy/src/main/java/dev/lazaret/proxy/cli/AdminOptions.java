package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.HttpUrl;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How an admin command reaches the API: {@code --admin URL}, the token, and {@code --json}.
 * Defaults come from the environment so that a shell session sets them once.
 */
final class AdminOptions {

  /** Environment variable with the admin API's base URL. */
  static final String URL_ENV = "LAZARET_ADMIN_URL";
  /** Environment variable with the bearer token. */
  static final String TOKEN_ENV = "LAZARET_ADMIN_TOKEN";
  /** The admin listener's default address. */
  static final String DEFAULT_URL = "http://127.0.0.1:4874/";

  @Option(names = "--admin", paramLabel = "URL",
      description = "Admin API base URL. Default: env " + URL_ENV + ", else " + DEFAULT_URL)
  private String admin;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Read the bearer token from FILE. Default: env " + TOKEN_ENV)
  private Path tokenFile;

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  /** A client for the chosen API; a bad URL or a missing token is a usage error. */
  AdminClient connect(Map<String, String> env) {
    String url = admin != null ? admin : nonBlank(env.get(URL_ENV), DEFAULT_URL);
    URI base;
    try {
      base = HttpUrl.parseBase(url);
    } catch (ConfigException e) {
      throw usage((admin != null ? "--admin" : URL_ENV) + " '" + url + "': " + e.getMessage());
    }
    if (tokenFile != null) {
      return new AdminClient(base, readToken(), "the token in " + tokenFile);
    }
    String token = env.get(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw usage("no admin token: set " + TOKEN_ENV + " or pass --token-file FILE");
    }
    return new AdminClient(base, token.strip(), TOKEN_ENV);
  }

  private String readToken() {
    try {
      String token = Files.readString(tokenFile).strip();
      if (token.isEmpty()) {
        throw usage("--token-file " + tokenFile + " is empty");
      }
      return token;
    } catch (IOException e) {
      throw usage("--token-file " + tokenFile + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }

  private static String nonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
