package dev.lazaret.proxy.config;

/**
 * Turns a setting's text into its value, or says in a few words why it cannot. The caller adds
 * where the text came from, so the reason names neither the setting nor the source.
 */
@FunctionalInterface
public interface ValueParser<T> {

  /** Parses {@code text}, throwing a {@link ConfigException} whose message is only the reason. */
  T parse(String text) throws ConfigException;
}
