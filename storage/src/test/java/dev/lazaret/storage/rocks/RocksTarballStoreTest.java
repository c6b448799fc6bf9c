package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.TarballStoreContract;
import dev.lazaret.storage.TarballWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball contract against RocksDB, plus what is (not) left in the column families. */
class RocksTarballStoreTest extends TarballStoreContract {

  private static final int CHUNK = 256 << 10;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private RocksStorage storage;

  @BeforeEach
  void open() {
    storage = RocksStorage.open(dir, CHUNK, CLOCK);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected TarballStore store() {
    return storage.tarballs();
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
    storage.close();
    storage = RocksStorage.open(dir, CHUNK, CLOCK);

    assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isZero();
    assertThat(Keys.count(storage, Family.TARBALL_CHUNKS)).isEqualTo(3);
    assertThat(store().find(sha512(partial))).isEmpty();
    assertThat(readAll(store().find(sha512(committed)).orElseThrow())).isEqualTo(committed);
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
    assertThat(manifest.committedAt()).isEqualTo(CLOCK.instant());
    assertThat(manifest.chunkSize()).isEqualTo(CHUNK);
    assertThat(manifest.chunkCount()).isEqualTo(2);
    assertThat(manifest.size()).isEqualTo(CHUNK + 1);
  }
}
