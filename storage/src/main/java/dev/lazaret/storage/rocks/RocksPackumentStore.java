package dev.lazaret.storage.rocks;

import dev.lazaret.storage.CachedPackument;
import dev.lazaret.storage.PackumentStore;
import dev.lazaret.storage.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;

/**
 * Packuments in two families: the body, and the small {@link PackumentMeta} beside it. A put
 * writes both in one batch; a revalidation rewrites only the metadata; a read takes both from one
 * snapshot, so a reader never pairs one version's body with another's ETag.
 */
final class RocksPackumentStore implements PackumentStore {

  private static final List<Family> BOTH = List.of(Family.PACKUMENT_META, Family.PACKUMENT_BODIES);
  /**
   * Writers of the same name are serialized, because a revalidation reads the metadata and writes
   * it back: unguarded, it could restore an old ETag next to a body that a put just replaced.
   */
  private static final int LOCK_STRIPES = 64;

  private final Database db;
  private final ReentrantLock[] writeLocks = new ReentrantLock[LOCK_STRIPES];

  RocksPackumentStore(Database db) {
    this.db = db;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      writeLocks[i] = new ReentrantLock();
    }
  }

  @Override
  public Optional<CachedPackument> get(String name) {
    byte[] key = key(name);
    return db.call("get packument " + name, BOTH, rocks -> {
      Snapshot snapshot = rocks.getSnapshot();
      try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
        byte[] meta = rocks.get(db.handle(Family.PACKUMENT_META), read, key);
        if (meta == null) {
          return Optional.empty();
        }
        byte[] body = rocks.get(db.handle(Family.PACKUMENT_BODIES), read, key);
        if (body == null) {
          // Both are always written and deleted together; this is damage, not a cache miss.
          throw new StoreException(
              "packument " + name + " has metadata but no body in " + db.directory());
        }
        return Optional.of(PackumentMeta.decode(meta).withBody(body));
      } finally {
        rocks.releaseSnapshot(snapshot);
      }
    });
  }

  @Override
  public void put(String name, CachedPackument packument) {
    Objects.requireNonNull(packument, "packument");
    byte[] key = key(name);
    byte[] meta = PackumentMeta.of(packument).encode();
    withLock(name, () -> db.run("put packument " + name, BOTH, rocks -> {
      try (WriteBatch batch = new WriteBatch()) {
        batch.put(db.handle(Family.PACKUMENT_BODIES), key, packument.json());
        batch.put(db.handle(Family.PACKUMENT_META), key, meta);
        rocks.write(db.writeOptions(), batch);
      }
    }));
  }

  @Override
  public void markRevalidated(String name, Instant when) {
    Objects.requireNonNull(when, "when");
    byte[] key = key(name);
    withLock(name, () -> db.run("mark packument " + name + " revalidated", Family.PACKUMENT_META,
        rocks -> {
          byte[] meta = rocks.get(db.handle(Family.PACKUMENT_META), key);
          if (meta != null) {
            byte[] updated = PackumentMeta.decode(meta).revalidatedAt(when).encode();
            rocks.put(db.handle(Family.PACKUMENT_META), db.writeOptions(), key, updated);
          }
        }));
  }

  @Override
  public void delete(String name) {
    byte[] key = key(name);
    withLock(name, () -> db.run("delete packument " + name, BOTH, rocks -> {
      try (WriteBatch batch = new WriteBatch()) {
        batch.delete(db.handle(Family.PACKUMENT_BODIES), key);
        batch.delete(db.handle(Family.PACKUMENT_META), key);
        rocks.write(db.writeOptions(), batch);
      }
    }));
  }

  private void withLock(String name, Runnable write) {
    ReentrantLock lock = writeLocks[Math.floorMod(name.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      write.run();
    } finally {
      lock.unlock();
    }
  }

  private static byte[] key(String name) {
    Objects.requireNonNull(name, "name");
    return name.getBytes(StandardCharsets.UTF_8);
  }
}
