package dev.lazaret.proxy.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses settings that take one of a few words: booleans and enum values. */
public final class Choices {

  private Choices() {
  }

  /** {@code true}/{@code false}, also {@code yes}/{@code no}, {@code on}/{@code off}, 1/0. */
  public static boolean bool(String text) throws ConfigException {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException("expected true or false");
    };
  }

  /** A number in (0, 1]. */
  public static double fraction(String text) throws ConfigException {
    try {
      double d = Double.parseDouble(text.strip());
      if (d > 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new ConfigException("expected a number greater than 0 and at most 1");
  }

  /** One of the constants of {@code type}, written in lower case. */
  public static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
    return text -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text.strip())) {
          return e;
        }
      }
      throw new ConfigException("expected one of " + Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    };
  }
}
