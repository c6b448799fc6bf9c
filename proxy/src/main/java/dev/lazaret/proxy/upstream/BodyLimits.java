package dev.lazaret.proxy.upstream;

import java.util.Objects;

/**
 * How much of an upstream answer Lazaret reads into memory.
 *
 * @param maxPackumentBytes the largest packument accepted, counted decoded (after gzip)
 *                          ({@code upstream.max-packument-size})
 * @param maxRelayBytes     the largest relayed answer (search, audit, keys, attestations),
 *                          counted as received
 * @param budget            the budget shared by every buffered body in the process
 */
public record BodyLimits(long maxPackumentBytes, long maxRelayBytes, BodyBudget budget) {

  /** Default {@code upstream.max-packument-size}: 200 MiB; real packuments reach tens of MB. */
  public static final long DEFAULT_MAX_PACKUMENT_BYTES = 200L << 20;
  /** Default relay limit: 64 MiB, far above any search, audit or attestation answer. */
  public static final long DEFAULT_MAX_RELAY_BYTES = 64L << 20;

  /** Validates the values. */
  public BodyLimits {
    Objects.requireNonNull(budget, "budget");
    if (maxPackumentBytes <= 0 || maxRelayBytes <= 0) {
      throw new IllegalArgumentException("body limits must be positive");
    }
  }

  /** The defaults, with the process-wide budget. */
  public static BodyLimits defaults() {
    return withMaxPackument(DEFAULT_MAX_PACKUMENT_BYTES);
  }

  /** The given packument limit, the default relay limit and the process-wide budget. */
  public static BodyLimits withMaxPackument(long maxPackumentBytes) {
    return new BodyLimits(maxPackumentBytes, DEFAULT_MAX_RELAY_BYTES, BodyBudget.processWide());
  }

  /** A size as operators write it: {@code 200 MiB}, {@code 512 KiB}, or bytes. */
  static String describe(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
