package dev.lazaret.proxy.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses operator-written sizes: {@code 256MiB}, {@code 1GiB}, {@code 500MB}, or plain bytes. */
public final class ByteSizes {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kmgt]i?b|b)?");
  private static final Map<String, Long> UNITS = Map.of(
      "b", 1L,
      "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40,
      "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L);

  private ByteSizes() {
  }

  /** Parses a size in bytes; units are case-insensitive, {@code KiB} = 1024, {@code KB} = 1000. */
  public static long parse(String text) throws ConfigException {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ConfigException("expected a size like 256MiB, 1GiB or a number of bytes");
    }
    long unit = m.group(2) == null ? 1L : UNITS.get(m.group(2));
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException e) {
      throw new ConfigException("too large");
    }
  }
}
