package dev.lazaret.proxy.registry;

import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.storage.CachedPackument;
import java.time.Instant;

/**
 * One package's upstream document as Lazaret holds it now, with its parsed index. The generation
 * changes whenever the document's content changes, and keys every view rendered from it.
 *
 * @param cached          the stored document and validators
 * @param index           its parsed index
 * @param generation      process-unique id of this content
 * @param upstreamFailure when the upstream last failed to revalidate it (null if it did not)
 * @param failureMessage  what went wrong then
 */
record PackumentSnapshot(CachedPackument cached, PackumentIndex index, long generation,
    Instant upstreamFailure, String failureMessage) {

  PackumentSnapshot revalidated(Instant when) {
    return new PackumentSnapshot(cached.revalidatedAt(when), index, generation, null, null);
  }

  PackumentSnapshot failed(Instant when, String message) {
    return new PackumentSnapshot(cached, index, generation, when, message);
  }
}
