package dev.lazaret.proxy.config;

import java.util.List;

/**
 * Who may use the admin API, and whether {@code /metrics} needs a token too.
 *
 * @param tokens              every configured token (the environment's one included)
 * @param metricsRequireToken whether {@code GET /metrics} on the admin listener needs a token
 */
public record AdminAccess(List<AdminToken> tokens, boolean metricsRequireToken) {

  /** Copies the tokens. */
  public AdminAccess {
    tokens = List.copyOf(tokens);
  }

  /** No tokens (every API request is refused) and open metrics. */
  public static AdminAccess none() {
    return new AdminAccess(List.of(), false);
  }

  /** A copy with {@code token} added. */
  public AdminAccess withToken(AdminToken token) {
    List<AdminToken> all = new java.util.ArrayList<>(tokens);
    all.add(token);
    return new AdminAccess(all, metricsRequireToken);
  }

  /** A copy where {@code /metrics} does or does not need a token. */
  public AdminAccess withMetricsRequireToken(boolean value) {
    return new AdminAccess(tokens, value);
  }
}
