package dev.lazaret.proxy.config;

/**
 * A setting is missing or wrong. The message is one line naming the setting, where it came from
 * (flag, environment variable, or config file and line) and what is wrong, fit to print as is.
 */
public final class ConfigException extends Exception {

  /** A configuration error described in one line; line breaks are folded into spaces. */
  public ConfigException(String message) {
    super(message.strip().replaceAll("\\s*\\R\\s*", " "));
  }
}
