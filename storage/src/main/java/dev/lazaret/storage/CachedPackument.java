package dev.lazaret.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A packument as last fetched from the upstream: the full JSON document exactly as received
 * (host-neutral: tarball URLs are rewritten on the way out, not here) and the validators needed to
 * revalidate it with a conditional request.
 *
 * @param json         the upstream's full packument, uncompressed UTF-8 JSON
 * @param etag         the upstream's {@code ETag}, or {@code null} if it sent none
 * @param lastModified the upstream's {@code Last-Modified}, or {@code null} if it sent none
 * @param fetchedAt    when the upstream last confirmed this document (200 or 304)
 * @param upstream     the name of the upstream that served it, or {@code null} if not recorded
 *                     (documents stored before routing existed came from the default upstream)
 */
public record CachedPackument(byte[] json, String etag, String lastModified, Instant fetchedAt,
    String upstream) {

  /** Validates the parts that may never be missing. */
  public CachedPackument {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /** A document whose upstream is not recorded. */
  public CachedPackument(byte[] json, String etag, String lastModified, Instant fetchedAt) {
    this(json, etag, lastModified, fetchedAt, null);
  }

  /** The same document, confirmed again by the upstream at {@code when} (a 304 answer). */
  public CachedPackument revalidatedAt(Instant when) {
    return new CachedPackument(json, etag, lastModified, when, upstream);
  }
}
