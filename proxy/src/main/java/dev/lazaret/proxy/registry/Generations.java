package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.storage.CachedPackument;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * Numbers packument contents: a generation changes exactly when a package's document does, and
 * renderings and verdicts are keyed by it. A document read back from the store gets the
 * generation it had when it was stored, so one too large to keep in memory (or evicted from
 * memory) is not judged and rendered again on every request, which for a 100 MB packument costs
 * seconds of CPU each time.
 */
final class Generations {

  private static final AtomicLong NEXT = new AtomicLong();
  /** Packages whose generations are remembered; past it a reload just renders once more. */
  private static final int REMEMBERED = 50_000;

  /**
   * What identifies one stored content: the upstream's validators, the size and a checksum, so
   * that only an upstream reusing an ETag for other content of the same size and checksum could
   * make two contents share a generation.
   */
  private record Fingerprint(String etag, String lastModified, int length, int crc) {
    static Fingerprint of(CachedPackument doc) {
      CRC32C crc = new CRC32C();
      crc.update(doc.json());
      return new Fingerprint(doc.etag(), doc.lastModified(), doc.json().length,
          (int) crc.getValue());
    }
  }

  private record Known(Fingerprint fingerprint, long generation) {}

  private final Cache<String, Known> known =
      Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  /** A new generation for content just fetched from the upstream. */
  long fresh(String name, CachedPackument doc) {
    long generation = NEXT.incrementAndGet();
    known.put(name, new Known(Fingerprint.of(doc), generation));
    return generation;
  }

  /** The generation of content read back from the store: the stored one's, if it is the same. */
  long loaded(String name, CachedPackument doc) {
    Fingerprint fingerprint = Fingerprint.of(doc);
    Known k = known.asMap().compute(name, (key, current) ->
        current != null && Objects.equals(current.fingerprint(), fingerprint) ? current
            : new Known(fingerprint, NEXT.incrementAndGet()));
    return k.generation();
  }
}
