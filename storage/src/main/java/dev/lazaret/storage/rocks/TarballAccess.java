package dev.lazaret.storage.rocks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.WriteBatch;

/**
 * When each committed tarball was last used. A use costs one map update; the newest time per
 * tarball is written to the access family in batches, so a crash loses at most the unwritten ones
 * (those tarballs then look older than they are, which only makes eviction slightly less exact).
 */
final class TarballAccess {

  private static final byte FORMAT = 1;
  private static final List<Family> FAMILIES =
      List.of(Family.TARBALL_MANIFESTS, Family.TARBALL_ACCESS);
  /**
   * Pending times are written once this many tarballs were used, or this long after the last
   * write, whichever comes first: one small batch instead of a write per read.
   */
  private static final int WRITE_AFTER_TARBALLS = 1024;
  private static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

  private final Database db;
  private final Clock clock;
  /** Bounded by the number of distinct tarballs used between writes. */
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();
  private volatile Instant lastWrite;

  TarballAccess(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.lastWrite = clock.instant();
  }

  /** Records a use now; {@code true} when enough are pending that they should be written. */
  boolean touch(String digestKey) {
    Instant now = clock.instant();
    pending.merge(digestKey, now, (old, at) -> at.isAfter(old) ? at : old);
    return pending.size() >= WRITE_AFTER_TARBALLS || !now.isBefore(lastWrite.plus(WRITE_INTERVAL));
  }

  /** The use not yet written, if any. */
  Optional<Instant> pending(String digestKey) {
    return Optional.ofNullable(pending.get(digestKey));
  }

  /** Drops the pending use of a tarball that is gone. */
  void forget(String digestKey) {
    pending.remove(digestKey);
  }

  /**
   * Writes the pending uses of tarballs still stored. The caller holds the store's commit lock,
   * so no tarball is evicted between the check and the write and left with an orphan record.
   */
  void write() {
    Map<String, Instant> written = Map.copyOf(pending);
    if (!written.isEmpty()) {
      db.run("record last use of " + written.size() + " tarball(s)", FAMILIES, rocks -> {
        try (WriteBatch batch = new WriteBatch()) {
          for (Map.Entry<String, Instant> use : written.entrySet()) {
            byte[] key = use.getKey().getBytes(StandardCharsets.UTF_8);
            if (rocks.keyExists(db.handle(Family.TARBALL_MANIFESTS), key)) {
              batch.put(db.handle(Family.TARBALL_ACCESS), key, encode(use.getValue()));
            }
          }
          rocks.write(db.writeOptions(), batch);
        }
      });
      // Keeps any use that arrived during the write: remove(key, value) only drops unchanged ones.
      written.forEach(pending::remove);
    }
    lastWrite = clock.instant();
  }

  /** The written last use of a tarball, if any. */
  Optional<Instant> stored(byte[] digestKey) {
    byte[] value = db.call("read last use of a tarball", Family.TARBALL_ACCESS,
        rocks -> rocks.get(db.handle(Family.TARBALL_ACCESS), digestKey));
    return Optional.ofNullable(value).map(TarballAccess::decode);
  }

  /** The later of a written use and a pending one. */
  Instant latest(String digestKey, Instant stored) {
    return pending(digestKey).filter(at -> at.isAfter(stored)).orElse(stored);
  }

  static byte[] encode(Instant at) {
    return new RecordWriter(FORMAT).putInstant(at).toBytes();
  }

  static Instant decode(byte[] value) {
    return new RecordReader(value, FORMAT, "tarball last use").getInstant();
  }
}
