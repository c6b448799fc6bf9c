package dev.lazaret.proxy.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits both listeners (registry and admin) put on their clients.
 *
 * @param maxConnections open connections a listener accepts; past it a new connection is closed
 *                       at once (and counted)
 * @param headerTimeout  how long a connection may take to deliver a complete request head once
 *                       it opened or started sending one; idle keep-alive connections are not
 *                       affected (they keep the idle timeout); a request body must also be
 *                       complete within it of its head
 */
public record ServerLimits(int maxConnections, Duration headerTimeout) {

  /** Default connection cap per listener. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
  /** Default header-read timeout. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** Longest header-read timeout: it becomes a timer in nanoseconds, which overflows far out. */
  public static final Duration MAX_HEADER_TIMEOUT = Duration.ofHours(1);

  /** Validates the values. */
  public ServerLimits {
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    if (headerTimeout.isNegative() || headerTimeout.isZero()) {
      throw new IllegalArgumentException("headerTimeout must be more than 0");
    }
  }

  /** Every default. */
  public static ServerLimits defaults() {
    return new ServerLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_HEADER_TIMEOUT);
  }

  /** Parses a connection count: a whole number from 1 to 1,000,000. */
  static int parseConnections(String text) throws ConfigException {
    String s = text.strip().replace("_", "");
    if (s.matches("\\d{1,7}")) {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 1_000_000) {
        return n;
      }
    }
    throw new ConfigException("expected a whole number from 1 to 1000000");
  }
}
