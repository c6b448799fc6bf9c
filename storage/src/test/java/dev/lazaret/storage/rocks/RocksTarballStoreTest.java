package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.CachedPackument;
import dev.lazaret.storage.Eviction;
import dev.lazaret.storage.MutableClock;
import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.TarballStoreContract;
import dev.lazaret.storage.TarballWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball contract against RocksDB, plus what is (not) left in the column families. */
class RocksTarballStoreTest extends TarballStoreContract {

  private static final int CHUNK = 256 << 10;
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private RocksStorage storage;

  @BeforeEach
  void open() {
    storage = RocksStorage.open(dir, CHUNK, clock);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected TarballStore store() {
    return storage.tarballs();
  }

  @Override
  protected void advanceClock(Duration by) {
    clock.advance(by);
  }

  private void reopen() {
    storage.close();
    storage = RocksStorage.open(dir, CHUNK, clock);
  }

  @Test
  void fiveMebibytesTakeTwentyChunksAndNoStagingRecord() {
    byte[] bytes = randomBytes(5 << 20, 20);
    store(bytes, 16 << 10);
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(20);
    assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isZero();
    assertThat(Keys.count(storage, Family.TARBALL_MANIFESTS)).isOne();
  }

  @Test
  void abortLeavesNoChunksAndNoStagingRecord() {
    TarballWriter writer = store().begin();
    writer.append(ByteBuffer.wrap(randomBytes(3 * CHUNK + 1, 21)));
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(3);
    assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isOne();
    writer.abort();
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isZero();
    assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isZero();
  }

  @Test
  void sameDigestIsStoredOnce() {
    byte[] bytes = randomBytes(4 * CHUNK + 77, 22);
    store(bytes, 32 << 10);
    long chunks = Keys.count(storage, Family.TARBALL_CHUNKS);
    assertThat(chunks).isEqualTo(5);
    store(bytes, 100_000);
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(chunks);
    assertThat(Keys.count(storage, Family.TARBALL_MANIFESTS)).isOne();
    assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isZero();
  }

  @Test
  void chunksAbandonedByACrashAreDeletedOnReopen() {
    byte[] committed = randomBytes(2 * CHUNK + 3, 23);
    store(committed, CHUNK);
    byte[] partial = randomBytes(3 * CHUNK + 10, 24);
    TarballWriter abandoned = store().begin();
    abandoned.append(ByteBuffer.wrap(partial));
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(3 + 3);

    // The crash: the writer is neither committed, aborted nor closed.
    reopen();

    assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isZero();
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(3);
    assertThat(store().find(sha512(partial))).isEmpty();
    assertThat(readAll(store().find(sha512(committed)).orElseThrow())).isEqualTo(committed);
  }

  @Test
  void aDownloadCommittedWhileTheDiscardScansKeepsItsChunks() {
    RocksTarballStore tarballs = (RocksTarballStore) store();
    byte[] bytes = randomBytes(2 * CHUNK + 5, 26);
    TarballWriter running = tarballs.begin();
    running.append(ByteBuffer.wrap(bytes));
    // The scan has seen the running download's staging record; the download commits before the
    // scan asks whether it is still running, so it is no longer in the live set.
    tarballs.onStagingSeen(stagingId -> running.commit(sha512(bytes)));

    assertThat(tarballs.discardAbandonedStaging()).isZero();

    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(3);
    assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
  }

  @Test
  void chunksOfAnAbortedFollowedDownloadReportWhatIsMissing() {
    TarballWriter writer = store().begin();
    writer.append(ByteBuffer.wrap(randomBytes(CHUNK, 25)));
    writer.abort();
    assertThatThrownBy(() -> writer.readStagedChunk(0))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("chunk 0 of staged download")
        .hasMessageContaining("missing");
  }

  @Test
  void manifestRecordsTheCommitTimeAndChunkSize() {
    byte[] bytes = randomBytes(CHUNK + 1, 26);
    store(bytes, CHUNK);
    Database db = storage.database();
    byte[] value = db.call("read manifest", Family.TARBALL_MANIFESTS, rocks -> rocks.get(
        db.handle(Family.TARBALL_MANIFESTS),
        sha512(bytes).key().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    TarballManifest manifest = TarballManifest.decode(value);
    assertThat(manifest.committedAt()).isEqualTo(T0);
    assertThat(manifest.chunkSize()).isEqualTo(CHUNK);
    assertThat(manifest.chunkCount()).isEqualTo(2);
    assertThat(manifest.size()).isEqualTo(CHUNK + 1);
  }

  @Test
  void evictionDeletesManifestAccessAndChunksAndNothingElse() {
    byte[] packument = "{\"name\":\"kept\"}".getBytes(StandardCharsets.UTF_8);
    storage.packuments().put("kept", new CachedPackument(packument, "\"e\"", null, T0));
    storage.records("holds").put("evil@1.0.0", new byte[] {1});
    storage.removedVersions().record(new RemovedVersion("evil", "1.0.0", T0, null));
    AuditEntry audited = storage.auditLog().append(T0, new byte[] {2});
    byte[] tarball = randomBytes(3 * CHUNK + 5, 70);
    store(tarball, CHUNK);
    assertThat(Keys.count(storage, Family.TARBALL_ACCESS)).isOne();

    assertThat(store().evictTo(0)).isEqualTo(new Eviction(1, tarball.length));

    assertThat(Keys.count(storage, Family.TARBALL_MANIFESTS)).isZero();
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isZero();
    assertThat(Keys.count(storage, Family.TARBALL_ACCESS)).isZero();
    assertThat(storage.packuments().get("kept")).hasValueSatisfying(
        p -> assertThat(p.json()).isEqualTo(packument));
    assertThat(storage.records("holds").get("evil@1.0.0")).isPresent();
    assertThat(storage.removedVersions().forPackage("evil")).hasSize(1);
    assertThat(storage.auditLog().after(0, 10)).containsExactly(audited);
  }

  @Test
  void useTimesAreWrittenOnCloseAndSteerEvictionAfterReopen() {
    byte[] first = randomBytes(1000, 71);
    byte[] second = randomBytes(1000, 72);
    store(first, 1000);
    clock.advance(Duration.ofSeconds(10));
    store(second, 1000);
    clock.advance(Duration.ofSeconds(10));
    store().find(sha512(first)).orElseThrow();
    reopen();
    assertThat(store().storedBytes()).isEqualTo(2000);
    store().evictTo(1000);
    assertThat(store().find(sha512(second))).isEmpty();
    assertThat(store().find(sha512(first))).isPresent();
  }

  @Test
  void useTimesAreWrittenInBatchesNotPerRead() {
    byte[] bytes = randomBytes(1000, 73);
    store(bytes, 1000);
    Instant committed = T0;
    clock.advance(Duration.ofSeconds(5));
    for (int i = 0; i < 100; i++) {
      store().find(sha512(bytes)).orElseThrow();
    }
    assertThat(storedUse(bytes)).isEqualTo(committed);
    // Due once a minute has passed since the last write: the next read writes them out.
    clock.advance(Duration.ofMinutes(1));
    store().find(sha512(bytes)).orElseThrow();
    assertThat(storedUse(bytes)).isEqualTo(clock.instant());
  }

  @Test
  void storedBytesAreRecountedOnOpen() {
    byte[] a = randomBytes(CHUNK + 1, 74);
    byte[] b = randomBytes(10, 75);
    store(a, CHUNK);
    store(b, 10);
    reopen();
    assertThat(store().storedBytes()).isEqualTo(a.length + b.length);
    store().evictTo(a.length);
    reopen();
    assertThat(store().storedBytes()).isLessThanOrEqualTo(a.length);
  }

  private Instant storedUse(byte[] bytes) {
    Database db = storage.database();
    byte[] value = db.call("read use", Family.TARBALL_ACCESS, rocks -> rocks.get(
        db.handle(Family.TARBALL_ACCESS), sha512(bytes).key().getBytes(StandardCharsets.UTF_8)));
    return TarballAccess.decode(value);
  }
}
