package dev.lazaret.proxy.npm;

import dev.lazaret.storage.TarballDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads the digest a tarball must match from a version's {@code dist}: the strongest SHA-512 in
 * {@code integrity} (an SRI string, possibly listing several hashes), else the SHA-1
 * {@code shasum} that older packages carry.
 */
public final class Integrity {

  private Integrity() {
  }

  /** The expected digest, or empty if {@code dist} names none that Lazaret can check. */
  public static Optional<TarballDigest> expected(String integrity, String shasum) {
    if (integrity != null) {
      for (String token : integrity.trim().split("\\s+")) {
        if (token.startsWith("sha512-")) {
          String b64 = token.substring("sha512-".length());
          int opts = b64.indexOf('?'); // SRI allows options after '?'
          if (opts >= 0) {
            b64 = b64.substring(0, opts);
          }
          try {
            byte[] raw = Base64.getDecoder().decode(b64);
            if (raw.length == 64) {
              return Optional.of(new TarballDigest("SHA-512", raw));
            }
          } catch (IllegalArgumentException ignored) {
            // a malformed token: try the next one, then shasum
          }
        }
      }
    }
    if (shasum != null && shasum.matches("[0-9a-fA-F]{40}")) {
      return Optional.of(new TarballDigest("SHA-1", HexFormat.of().parseHex(shasum)));
    }
    return Optional.empty();
  }

  /** The digest as npm writes it: {@code sha512-<base64>} or {@code sha1-<base64>}. */
  public static String sri(TarballDigest digest) {
    String prefix = digest.algorithm().equals("SHA-512") ? "sha512-" : "sha1-";
    return prefix + Base64.getEncoder().encodeToString(digest.value());
  }
}
