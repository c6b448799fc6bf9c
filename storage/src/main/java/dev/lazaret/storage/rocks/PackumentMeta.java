package dev.lazaret.storage.rocks;

import dev.lazaret.storage.CachedPackument;
import java.time.Instant;

/**
 * The small half of a stored packument: the validators and the fetch time. Kept apart from the
 * body so that a 304 from the upstream rewrites a few dozen bytes, not the whole document.
 */
record PackumentMeta(String etag, String lastModified, Instant fetchedAt, String upstream) {

  private static final byte FORMAT = 1;

  static PackumentMeta of(CachedPackument packument) {
    return new PackumentMeta(packument.etag(), packument.lastModified(), packument.fetchedAt(),
        packument.upstream());
  }

  static PackumentMeta decode(byte[] value) {
    RecordReader in = new RecordReader(value, FORMAT, "packument metadata");
    Instant fetchedAt = in.getInstant();
    String etag = in.getNullableString();
    String lastModified = in.getNullableString();
    // The upstream name was appended later; older records end before it.
    String upstream = in.hasRemaining() ? in.getNullableString() : null;
    return new PackumentMeta(etag, lastModified, fetchedAt, upstream);
  }

  byte[] encode() {
    return new RecordWriter(FORMAT)
        .putInstant(fetchedAt)
        .putNullableString(etag)
        .putNullableString(lastModified)
        .putNullableString(upstream)
        .toBytes();
  }

  PackumentMeta revalidatedAt(Instant when) {
    return new PackumentMeta(etag, lastModified, when, upstream);
  }

  CachedPackument withBody(byte[] json) {
    return new CachedPackument(json, etag, lastModified, fetchedAt, upstream);
  }
}
