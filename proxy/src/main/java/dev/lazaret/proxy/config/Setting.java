package dev.lazaret.proxy.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting as the operator sees it: its config-file key, its command-line flag (if any), its
 * environment variable, its default, and how to parse it. {@link SettingsSchema} lists them all;
 * the loader, the unknown-key check and {@code --help} are all driven by that list.
 *
 * @param key         the YAML key, dotted for nested sections ({@code cache.packument-ttl})
 * @param flag        the command-line flag, e.g. {@code --listen}; empty if file/env only
 * @param env         the environment variable
 * @param label       what the value looks like, for help ({@code HOST:PORT}, {@code DURATION})
 * @param defaultText the default as the operator would write it; empty if there is none
 * @param helpDefault what help shows in the default column ({@code (required)} if none)
 * @param parser      parses and validates the text
 * @param <T>         the parsed type
 */
public record Setting<T>(
    String key,
    Optional<String> flag,
    String env,
    String label,
    Optional<String> defaultText,
    String helpDefault,
    ValueParser<T> parser) {

  /** Checks that nothing is missing. */
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(defaultText, "defaultText");
    Objects.requireNonNull(helpDefault, "helpDefault");
    Objects.requireNonNull(parser, "parser");
  }

  /** A setting read from the config file and from {@code LAZARET_<KEY>}, with a default. */
  public static <T> Setting<T> of(String key, String label, String defaultText,
      ValueParser<T> parser) {
    return new Setting<>(key, Optional.empty(), envName(key), label, Optional.of(defaultText),
        defaultText, parser);
  }

  /** A setting with no default; {@code whenUnset} tells help what happens if it is not set. */
  public static <T> Setting<T> withoutDefault(String key, String label, String whenUnset,
      ValueParser<T> parser) {
    return new Setting<>(key, Optional.empty(), envName(key), label, Optional.empty(), whenUnset,
        parser);
  }

  /** A copy that can also be given as {@code --<flag>} on the command line. */
  public Setting<T> withFlag(String flagName) {
    return new Setting<>(key, Optional.of(flagName), env, label, defaultText, helpDefault, parser);
  }

  /** {@code cache.packument-ttl} becomes {@code LAZARET_CACHE_PACKUMENT_TTL}. */
  static String envName(String key) {
    return "LAZARET_" + key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
