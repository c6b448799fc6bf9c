package dev.lazaret.storage.rocks;

import dev.lazaret.storage.Eviction;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.TarballWriter;
import dev.lazaret.storage.WritesFailingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
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
 *
 * <p>Committed tarballs can be evicted least recently used first, by the times
 * {@link TarballAccess} keeps; a tarball with no recorded use counts as last used when committed.
 */
final class RocksTarballStore implements TarballStore {

  private static final Logger log = LoggerFactory.getLogger(RocksTarballStore.class);
  /** Staging values hold only the start time, for diagnosing downloads a crash left behind. */
  private static final byte STAGING_FORMAT = 1;
  private static final List<Family> STAGING_AND_CHUNKS =
      List.of(Family.TARBALL_STAGING, Family.TARBALL_CHUNKS);
  private static final List<Family> COMMIT_FAMILIES = List.of(Family.TARBALL_MANIFESTS,
      Family.TARBALL_STAGING, Family.TARBALL_CHUNKS, Family.TARBALL_ACCESS);
  private static final List<Family> PLAN_FAMILIES =
      List.of(Family.TARBALL_MANIFESTS, Family.TARBALL_ACCESS);

  private final Database db;
  private final int chunkSize;
  private final Clock clock;
  /**
   * Guards the set of manifests: commits are serialized so that two downloads of the same digest
   * cannot both find no manifest and both write one, which would orphan one copy's chunks; an
   * eviction checks and deletes a manifest under it, so it never deletes a just-committed copy;
   * access times are written under it, so none is written for a tarball just evicted; a discard
   * of abandoned chunks checks the staging record under it, so it never takes a just-committed
   * download for abandoned. Each holder writes one small batch.
   */
  private final ReentrantLock commitLock = new ReentrantLock();
  /** One eviction at a time: each plans over every manifest, so two would only duplicate work. */
  private final ReentrantLock evictionLock = new ReentrantLock();
  private final TarballAccess access;
  /** Changed only under the commit lock; recounted from the manifests on open, so it cannot drift. */
  private final AtomicLong storedBytes = new AtomicLong();
  /**
   * Direct key buffers for {@link #readChunkInto} (RocksDB's ByteBuffer API takes direct keys
   * only), reused so a read allocates no direct memory; at most one per concurrent read.
   */
  private final Queue<ByteBuffer> chunkKeys = new ConcurrentLinkedQueue<>();
  /**
   * Staging ids of writers neither committed nor aborted: downloads still running. After writes
   * failed, the staging records of every other download are leftovers (their abort failed too),
   * which {@link #discardAbandonedStaging} may delete without a restart.
   */
  private final Set<Long> liveWriters = ConcurrentHashMap.newKeySet();
  private volatile LongConsumer stagingSeen = stagingId -> { };

  RocksTarballStore(Database db, int chunkSize, Clock clock) {
    this.db = db;
    this.chunkSize = chunkSize;
    this.clock = clock;
    this.access = new TarballAccess(db, clock);
  }

  @Override
  public Optional<StoredTarball> find(TarballDigest digest) {
    Optional<TarballManifest> manifest = manifest(key(digest), "find tarball " + digest);
    if (manifest.isPresent()) {
      touch(digest.key());
    }
    return manifest.map(found -> new RocksStoredTarball(this, digest, found));
  }

  @Override
  public void recordUse(TarballDigest digest) {
    access.touch(digest.key());
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
      // Live before its record exists, so a concurrent discard never takes it for a leftover.
      liveWriters.add(id);
      try {
        rocks.put(db.handle(Family.TARBALL_STAGING), db.writeOptions(), ChunkKey.staging(id),
            startedAt);
      } catch (RocksDBException | RuntimeException e) {
        liveWriters.remove(id);
        throw e;
      }
      return id;
    });
    return new RocksTarballWriter(this, stagingId, chunkSize);
  }

  @Override
  public int chunkSize() {
    return chunkSize;
  }

  @Override
  public long storedBytes() {
    return storedBytes.get();
  }

  @Override
  public Eviction evictTo(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
    }
    evictionLock.lock();
    try {
      int tarballs = 0;
      long bytes = 0;
      // Usually one round. Another runs only if tarballs planned for eviction were read or
      // replaced meanwhile, or downloads committed during this one.
      while (storedBytes.get() > maxBytes) {
        int evictedThisRound = 0;
        for (EvictionPlan.Candidate victim : plan(storedBytes.get() - maxBytes)) {
          if (storedBytes.get() <= maxBytes) {
            break;
          }
          if (evict(victim)) {
            evictedThisRound++;
            bytes += victim.size();
          }
        }
        if (evictedThisRound == 0) {
          break;
        }
        tarballs += evictedThisRound;
      }
      if (tarballs > 0) {
        log.info("Evicted {} tarball(s), {} bytes, to stay within {} bytes in {}",
            tarballs, bytes, maxBytes, db.directory());
      }
      return new Eviction(tarballs, bytes);
    } finally {
      evictionLock.unlock();
    }
  }

  /** Sums the sizes of the committed tarballs; called once on open. */
  void recountStoredBytes() {
    long total = db.call("sum stored tarball sizes", Family.TARBALL_MANIFESTS, rocks -> {
      long sum = 0;
      try (RocksIterator it = rocks.newIterator(db.handle(Family.TARBALL_MANIFESTS))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          sum += TarballManifest.decode(it.value()).size();
        }
        it.status();
      }
      return sum;
    });
    storedBytes.set(total);
  }

  /** Writes every pending access time; for close and for tests. */
  void flushAccessTimes() {
    commitLock.lock();
    try {
      access.write();
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Deletes the chunks of every download that is not running: on open, those left by the last
   * shutdown or crash; after writes failed and work again, those whose abort failed meanwhile.
   */
  int discardAbandonedStaging() {
    List<Long> candidates = db.call("find abandoned staged tarballs", Family.TARBALL_STAGING,
        rocks -> {
          List<Long> ids = new ArrayList<>();
          try (RocksIterator pending = rocks.newIterator(db.handle(Family.TARBALL_STAGING))) {
            for (pending.seekToFirst(); pending.isValid(); pending.next()) {
              long stagingId = ChunkKey.stagingIdOf(pending.key());
              stagingSeen.accept(stagingId);
              if (!liveWriters.contains(stagingId)) {
                ids.add(stagingId);
              }
            }
            pending.status();
          }
          return ids;
        });
    int discarded = 0;
    for (long stagingId : candidates) {
      if (discardIfAbandoned(stagingId)) {
        discarded++;
      }
    }
    if (discarded > 0) {
      log.info("Discarded {} unfinished tarball download(s) left in {}", discarded, db.directory());
    }
    return discarded;
  }

  /**
   * Discards one download the scan took for abandoned, unless it committed meanwhile: the scan
   * reads a snapshot, and a committed tarball keeps its chunks under its staging id. Checked
   * under the commit lock, where a commit deletes the staging record and leaves the live set
   * together; the scan itself runs without it, so downloads never wait for a whole scan.
   */
  private boolean discardIfAbandoned(long stagingId) {
    commitLock.lock();
    try {
      return db.call("discard abandoned staged tarball", STAGING_AND_CHUNKS, rocks -> {
        if (liveWriters.contains(stagingId)
            || !rocks.keyExists(db.handle(Family.TARBALL_STAGING), ChunkKey.staging(stagingId))) {
          return false;
        }
        discardInto(rocks, stagingId);
        return true;
      });
    } finally {
      commitLock.unlock();
    }
  }

  /** For tests: runs as the discard scan sees each staging record, to force a commit into it. */
  void onStagingSeen(LongConsumer hook) {
    stagingSeen = hook;
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
   * Reads a chunk straight into a direct {@code target} (RocksDB copies the value once, from its
   * block or blob into the buffer); {@code what} names the tarball in errors.
   */
  int readChunkInto(long stagingId, int index, int expectedLength, ByteBuffer target, String what) {
    if (!target.isDirect() || target.remaining() < expectedLength) {
      throw new IllegalArgumentException("chunk " + index + " of " + what + " needs a direct buffer"
          + " with " + expectedLength + " bytes remaining, got " + target);
    }
    ByteBuffer key = chunkKeys.poll();
    if (key == null) {
      key = ByteBuffer.allocateDirect(ChunkKey.LENGTH);
    }
    try {
      ByteBuffer k = ChunkKey.into(key, stagingId, index);
      int found = db.call("read chunk " + index + " of " + what, Family.TARBALL_CHUNKS,
          rocks -> rocks.get(db.handle(Family.TARBALL_CHUNKS), db.chunkReadOptions(), k, target));
      if (found == RocksDB.NOT_FOUND) {
        throw new StoreException("chunk " + index + " of " + what + " is missing in " + db.directory());
      }
      if (found != expectedLength) {
        throw new StoreException("chunk " + index + " of " + what + " has " + found
            + " bytes, expected " + expectedLength);
      }
      return found;
    } finally {
      chunkKeys.offer(key);
    }
  }

  /**
   * Makes a download visible under {@code digest}: tail chunk, manifest and the end of staging in
   * one batch. If the digest is already stored, drops this download instead and returns the
   * stored tarball.
   */
  StoredTarball commit(long stagingId, TarballDigest digest, TarballManifest staged, byte[] tail) {
    commitLock.lock();
    try {
      Optional<TarballManifest> existing = manifest(key(digest), "find tarball " + digest);
      db.run("commit tarball " + digest, COMMIT_FAMILIES, rocks -> {
        try (WriteBatch batch = new WriteBatch()) {
          if (existing.isEmpty()) {
            if (tail.length > 0) {
              batch.put(db.handle(Family.TARBALL_CHUNKS),
                  ChunkKey.of(stagingId, staged.chunkCount() - 1), tail);
            }
            batch.put(db.handle(Family.TARBALL_MANIFESTS), key(digest), staged.encode());
            batch.put(db.handle(Family.TARBALL_ACCESS), key(digest),
                TarballAccess.encode(staged.committedAt()));
            batch.delete(db.handle(Family.TARBALL_STAGING), ChunkKey.staging(stagingId));
          } else {
            discardInto(batch, stagingId);
          }
          rocks.write(db.writeOptions(), batch);
        }
      });
      liveWriters.remove(stagingId);
      if (existing.isEmpty()) {
        storedBytes.addAndGet(staged.size());
      } else {
        // Downloaded again while stored: the copy is in use, so keep it from being evicted next.
        access.touch(digest.key());
      }
      return new RocksStoredTarball(this, digest, existing.orElse(staged));
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Drops a download's staging record and every chunk it wrote, in one batch. The download is
   * given up even if that write fails: its leftovers are then discarded once writes work again.
   */
  void abort(long stagingId) {
    try {
      db.run("abort staged tarball", STAGING_AND_CHUNKS, rocks -> discardInto(rocks, stagingId));
    } finally {
      liveWriters.remove(stagingId);
    }
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

  private Optional<TarballManifest> manifest(byte[] key, String operation) {
    byte[] value = db.call(operation, Family.TARBALL_MANIFESTS,
        rocks -> rocks.get(db.handle(Family.TARBALL_MANIFESTS), key));
    return Optional.ofNullable(value).map(TarballManifest::decode);
  }

  /** Records a use and, when due, writes pending uses, never making a read wait or fail for it. */
  private void touch(String digestKey) {
    if (access.touch(digestKey) && commitLock.tryLock()) {
      try {
        access.write();
      } catch (WritesFailingException e) {
        // Reported once where writes began to fail; this would repeat it on every read.
        log.debug("Tarball access times stay in memory while writes fail: {}", e.getMessage());
      } catch (StoreException e) {
        log.warn("Writing tarball access times failed; they stay in memory for the next try", e);
      } finally {
        commitLock.unlock();
      }
    }
  }

  /**
   * Walks every manifest beside its access record (both families are keyed by digest, so one
   * forward pass over each) and keeps the least recently used that free {@code bytesToFree}.
   */
  private List<EvictionPlan.Candidate> plan(long bytesToFree) {
    EvictionPlan plan = new EvictionPlan(bytesToFree);
    db.run("plan tarball eviction", PLAN_FAMILIES, rocks -> {
      try (RocksIterator manifests = rocks.newIterator(db.handle(Family.TARBALL_MANIFESTS));
           RocksIterator accesses = rocks.newIterator(db.handle(Family.TARBALL_ACCESS))) {
        accesses.seekToFirst();
        for (manifests.seekToFirst(); manifests.isValid(); manifests.next()) {
          byte[] key = manifests.key();
          while (accesses.isValid() && Arrays.compareUnsigned(accesses.key(), key) < 0) {
            accesses.next();
          }
          TarballManifest manifest = TarballManifest.decode(manifests.value());
          Instant stored = accesses.isValid() && Arrays.equals(accesses.key(), key)
              ? TarballAccess.decode(accesses.value()) : manifest.committedAt();
          String digestKey = new String(key, StandardCharsets.UTF_8);
          plan.offer(new EvictionPlan.Candidate(digestKey, manifest.stagingId(), manifest.size(),
              access.latest(digestKey, stored)));
        }
        manifests.status();
        accesses.status();
      }
    });
    return plan.victims();
  }

  /**
   * Deletes a planned tarball, unless since planning it was read, evicted or committed anew (then
   * its manifest names other chunks). Manifest, access record and chunks go in one batch: a reader
   * that still holds the manifest then finds its next chunk missing and fails. Other bytes could
   * appear under its chunk keys only if a new download drew the same random 64-bit staging id
   * (about 2^-64 per download), and even then each chunk's length is still checked.
   */
  private boolean evict(EvictionPlan.Candidate victim) {
    byte[] key = victim.digestKey().getBytes(StandardCharsets.UTF_8);
    String what = "tarball " + victim.digestKey();
    commitLock.lock();
    try {
      Optional<TarballManifest> current = manifest(key, "check " + what + " before evicting it");
      if (current.isEmpty() || current.get().stagingId() != victim.stagingId()) {
        return false;
      }
      Instant stored = access.stored(key).orElse(current.get().committedAt());
      if (access.latest(victim.digestKey(), stored).isAfter(victim.lastAccess())) {
        return false;
      }
      db.run("evict " + what, COMMIT_FAMILIES, rocks -> {
        try (WriteBatch batch = new WriteBatch()) {
          batch.delete(db.handle(Family.TARBALL_MANIFESTS), key);
          batch.delete(db.handle(Family.TARBALL_ACCESS), key);
          discardInto(batch, victim.stagingId());
          rocks.write(db.writeOptions(), batch);
        }
      });
      access.forget(victim.digestKey());
      storedBytes.addAndGet(-current.get().size());
      return true;
    } finally {
      commitLock.unlock();
    }
  }

  Clock clock() {
    return clock;
  }

  private static byte[] key(TarballDigest digest) {
    return digest.key().getBytes(StandardCharsets.UTF_8);
  }
}
