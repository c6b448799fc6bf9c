package dev.lazaret.storage;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The digest a tarball is expected to have, as named by its packument: the key under which its
 * bytes are stored, so identical bytes are stored once.
 *
 * @param algorithm the Java {@link java.security.MessageDigest} name: {@code SHA-512} or {@code SHA-1}
 * @param value     the raw digest bytes
 */
public record TarballDigest(String algorithm, byte[] value) {

  /** Validates the algorithm and the digest length. */
  public TarballDigest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    int expected = switch (algorithm) {
      case "SHA-512" -> 64;
      case "SHA-1" -> 20;
      default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
    };
    if (value.length != expected) {
      throw new IllegalArgumentException(
          algorithm + " digest must be " + expected + " bytes, got " + value.length);
    }
    value = value.clone();
  }

  /** A stable text form, e.g. {@code sha-512:0a1b...}; also the storage key. */
  public String key() {
    return algorithm.toLowerCase(Locale.ROOT) + ":" + HexFormat.of().formatHex(value);
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TarballDigest d
        && d.algorithm.equals(algorithm)
        && java.util.Arrays.equals(d.value, value);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + java.util.Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return key();
  }
}
