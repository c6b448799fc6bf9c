package dev.lazaret.proxy.admin.auth;

import dev.lazaret.proxy.config.AdminToken;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tokens that may use the admin API, kept only as SHA-256 hashes. A presented token is
 * hashed and compared with every known hash in constant time, so neither the comparison nor
 * which entry matched shows in the response time.
 */
public final class TokenBook {

  /** One known token: its hash and who it is. */
  private record Known(byte[] sha256, Caller caller) {
  }

  private final List<Known> known;

  /** A book of {@code tokens}. */
  public TokenBook(List<AdminToken> tokens) {
    this.known = tokens.stream()
        .map(t -> new Known(HexFormat.of().parseHex(t.sha256()), new Caller(t.name(), t.role())))
        .toList();
  }

  /** Whether no token is configured (then every request is refused). */
  public boolean isEmpty() {
    return known.isEmpty();
  }

  /** Who {@code presented} belongs to, if it is a known token. */
  public Optional<Caller> identify(String presented) {
    byte[] hash = AdminToken.sha256(presented);
    Caller match = null;
    for (Known k : known) {
      // No early exit: every entry is compared whatever matched.
      if (MessageDigest.isEqual(hash, k.sha256()) && match == null) {
        match = k.caller();
      }
    }
    return Optional.ofNullable(match);
  }
}
