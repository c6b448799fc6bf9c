package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.TarballWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tarballs as fixed-size chunks keyed by a random staging id, made visible by a manifest keyed by
 * digest. A download is recorded in the staging family from {@link #begin()} until it is committed
 * or aborted, so chunks left behind by a crash are found and deleted on the next open.
 */
final class RocksTarballStore implements TarballStore {

  private static final Logger log = LoggerFactory.getLogger(RocksTarballStore.class);
  /** Staging values hold only the start time, for diagnosing downloads a crash left behind. */
  private static final byte STAGING_FORMAT = 1;
  private static final List<Family> STAGING_AND_CHUNKS =
      List.of(Family.TARBALL_STAGING, Family.TARBALL_CHUNKS);
  private static final List<Family> COMMIT_FAMILIES =
      List.of(Family.TARBALL_MANIFESTS, Family.TARBALL_STAGING, Family.TARBALL_CHUNKS);

  private final Database db;
  private final int chunkSize;
  private final Clock clock;
  /**
   * Commits are serialized so that two downloads of the same digest cannot both find no manifest
   * and both write one, which would orphan one copy's chunks. A commit is one small batch.
   */
  private final ReentrantLock commitLock = new ReentrantLock();

  RocksTarballStore(Database db, int chunkSize, Clock clock) {
    this.db = db;
    this.chunkSize = chunkSize;
    this.clock = clock;
  }

  @Override
  public Optional<StoredTarball> find(TarballDigest digest) {
    return manifest(digest).map(manifest -> new RocksStoredTarball(this, digest, manifest));
  }

  @Override
  public TarballWriter begin() {
    long stagingId = db.call("begin staging a tarball", STAGING_AND_CHUNKS, rocks -> {
      long id;
      // A fresh id must not collide with a pending download or with a committed tarball's chunks
      // (whose staging record is gone but whose chunk 0 remains); at 64 bits this loops ~never.
      do {
        id = ThreadLocalRandom.current().nextLong();
      } while (rocks.keyExists(db.handle(Family.TARBALL_STAGING), ChunkKey.staging(id))
          || rocks.keyExists(db.handle(Family.TARBALL_CHUNKS), ChunkKey.of(id, 0)));
      byte[] startedAt = new RecordWriter(STAGING_FORMAT).putInstant(clock.instant()).toBytes();
      rocks.put(db.handle(Family.TARBALL_STAGING), db.writeOptions(), ChunkKey.staging(id), startedAt);
      return id;
    });
    return new RocksTarballWriter(this, stagingId, chunkSize);
  }

  @Override
  public int chunkSize() {
    return chunkSize;
  }

  /** Deletes the chunks of every download still pending from before the last shutdown or crash. */
  int discardAbandonedStaging() {
    int discarded = db.call("discard abandoned staged tarballs", STAGING_AND_CHUNKS, rocks -> {
      int count = 0;
      try (RocksIterator pending = rocks.newIterator(db.handle(Family.TARBALL_STAGING))) {
        for (pending.seekToFirst(); pending.isValid(); pending.next()) {
          discardInto(rocks, ChunkKey.stagingIdOf(pending.key()));
          count++;
        }
        pending.status();
      }
      return count;
    });
    if (discarded > 0) {
      log.info("Discarded {} unfinished tarball download(s) left in {}", discarded, db.directory());
    }
    return discarded;
  }

  void writeChunk(long stagingId, int index, byte[] bytes, int length) {
    byte[] value = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    db.run("write staged tarball chunk " + index, Family.TARBALL_CHUNKS, rocks ->
        rocks.put(db.handle(Family.TARBALL_CHUNKS), db.writeOptions(),
            ChunkKey.of(stagingId, index), value));
  }

  /** Reads a chunk; {@code what} names the tarball or download in the message if it is missing. */
  ByteBuffer readChunk(long stagingId, int index, int expectedLength, String what) {
    byte[] value = db.call("read chunk " + index + " of " + what, Family.TARBALL_CHUNKS,
        rocks -> rocks.get(db.handle(Family.TARBALL_CHUNKS), ChunkKey.of(stagingId, index)));
    if (value == null) {
      throw new StoreException("chunk " + index + " of " + what + " is missing in " + db.directory());
    }
    if (value.length != expectedLength) {
      throw new StoreException("chunk " + index + " of " + what + " has " + value.length
          + " bytes, expected " + expectedLength);
    }
    // A fresh array per read, so the caller may own it (and Netty may wrap it without copying).
    return ByteBuffer.wrap(value);
  }

  /**
   * Makes a download visible under {@code digest}: tail chunk, manifest and the end of staging in
   * one batch. If the digest is already stored, drops this download instead and returns the
   * stored tarball.
   */
  StoredTarball commit(long stagingId, TarballDigest digest, TarballManifest staged, byte[] tail) {
    commitLock.lock();
    try {
      Optional<TarballManifest> existing = manifest(digest);
      db.run("commit tarball " + digest, COMMIT_FAMILIES, rocks -> {
        try (WriteBatch batch = new WriteBatch()) {
          if (existing.isEmpty()) {
            if (tail.length > 0) {
              batch.put(db.handle(Family.TARBALL_CHUNKS),
                  ChunkKey.of(stagingId, staged.chunkCount() - 1), tail);
            }
            batch.put(db.handle(Family.TARBALL_MANIFESTS), key(digest), staged.encode());
            batch.delete(db.handle(Family.TARBALL_STAGING), ChunkKey.staging(stagingId));
          } else {
            discardInto(batch, stagingId);
          }
          rocks.write(db.writeOptions(), batch);
        }
      });
      return new RocksStoredTarball(this, digest, existing.orElse(staged));
    } finally {
      commitLock.unlock();
    }
  }

  /** Drops a download's staging record and every chunk it wrote, in one batch. */
  void abort(long stagingId) {
    db.run("abort staged tarball", STAGING_AND_CHUNKS, rocks -> discardInto(rocks, stagingId));
  }

  private void discardInto(RocksDB rocks, long stagingId)
      throws RocksDBException {
    try (WriteBatch batch = new WriteBatch()) {
      discardInto(batch, stagingId);
      rocks.write(db.writeOptions(), batch);
    }
  }

  private void discardInto(WriteBatch batch, long stagingId) throws RocksDBException {
    batch.deleteRange(db.handle(Family.TARBALL_CHUNKS),
        ChunkKey.rangeStart(stagingId), ChunkKey.rangeEnd(stagingId));
    batch.delete(db.handle(Family.TARBALL_STAGING), ChunkKey.staging(stagingId));
  }

  private Optional<TarballManifest> manifest(TarballDigest digest) {
    byte[] value = db.call("find tarball " + digest, Family.TARBALL_MANIFESTS,
        rocks -> rocks.get(db.handle(Family.TARBALL_MANIFESTS), key(digest)));
    return Optional.ofNullable(value).map(TarballManifest::decode);
  }

  Clock clock() {
    return clock;
  }

  private static byte[] key(TarballDigest digest) {
    return digest.key().getBytes(StandardCharsets.UTF_8);
  }
}
