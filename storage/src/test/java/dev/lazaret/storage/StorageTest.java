package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, sizing and closing {@link Storage}. */
class StorageTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void openCreatesAMissingDirectory() {
    Path nested = dir.resolve("a/b/data");
    try (Storage storage = Storage.open(StorageOptions.defaults(nested))) {
      assertThat(storage.packuments().get("x")).isEmpty();
    }
    assertThat(nested).isDirectory();
  }

  @Test
  void secondOpenOfTheSameDirectoryNamesTheLock() {
    try (Storage first = Storage.open(StorageOptions.defaults(dir))) {
      assertThatThrownBy(() -> Storage.open(StorageOptions.defaults(dir)))
          .isInstanceOf(StoreException.class)
          .hasMessage("data directory " + dir + " is locked by another running Lazaret");
      first.packuments().put("still-works", new CachedPackument(new byte[1], null, null, T0));
    }
    // The failed open released what it had taken: the directory opens again once free.
    try (Storage again = Storage.open(StorageOptions.defaults(dir))) {
      assertThat(again.packuments().get("still-works")).isPresent();
    }
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> Storage.open(StorageOptions.defaults(file)))
        .isInstanceOf(StoreException.class)
        .hasMessage("data directory " + file + " is not a directory");
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path below = file.resolve("data");
    assertThatThrownBy(() -> Storage.open(StorageOptions.defaults(below)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("data directory " + below + " cannot be created");
  }

  @Test
  void closeIsIdempotent() {
    Storage storage = Storage.open(StorageOptions.defaults(dir));
    storage.close();
    storage.close();
  }

  @Test
  void everyStoreFailsFastOnceClosed() {
    Storage storage = Storage.open(StorageOptions.defaults(dir));
    byte[] bytes = {1, 2, 3};
    TarballDigest digest = TarballStoreContract.sha512(bytes);
    StoredTarball stored;
    try (TarballWriter writer = storage.tarballs().begin()) {
      writer.append(ByteBuffer.wrap(bytes));
      stored = writer.commit(digest);
    }
    PackumentStore packuments = storage.packuments();
    packuments.put("cached", new CachedPackument(new byte[1], null, null, T0));
    packuments.get("cached");
    TarballStore tarballs = storage.tarballs();
    RemovedVersionLog removed = storage.removedVersions();
    storage.close();

    assertThatThrownBy(() -> packuments.get("cached")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> packuments.put("p", new CachedPackument(new byte[1], null, null, T0)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> tarballs.find(digest))
        .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    assertThatThrownBy(tarballs::begin).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> stored.readChunk(0)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> removed.forPackage("x")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> removed.record(new RemovedVersion("x", "1", T0, null)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(storage::approximateSizeBytes).isInstanceOf(StoreException.class);
  }

  @Test
  void aWriterOutlivingItsStorageFailsFast() {
    Storage storage = Storage.open(StorageOptions.defaults(dir));
    TarballWriter writer = storage.tarballs().begin();
    storage.close();
    byte[] chunk = new byte[storage.tarballs().chunkSize()];
    assertThatThrownBy(() -> writer.append(ByteBuffer.wrap(chunk)))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void approximateSizeGrowsWithData() {
    try (Storage storage = Storage.open(StorageOptions.defaults(dir))) {
      long empty = storage.approximateSizeBytes();
      byte[] json = "{\"x\":1}".repeat(10_000).getBytes(StandardCharsets.UTF_8);
      storage.packuments().put("big", new CachedPackument(json, null, null, T0));
      assertThat(storage.approximateSizeBytes()).isGreaterThan(empty);
    }
  }

  @Test
  void optionsDefaultsAndValidation() {
    StorageOptions defaults = StorageOptions.defaults(dir);
    assertThat(defaults.hotPackumentBytes()).isEqualTo(64L << 20);
    assertThat(defaults.tarballChunkSize()).isEqualTo(256 << 10);
    assertThatThrownBy(() -> new StorageOptions(dir, -1, 1024))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hotPackumentBytes");
    assertThatThrownBy(() -> new StorageOptions(dir, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tarballChunkSize");
    assertThatThrownBy(() -> new StorageOptions(null, 0, 1024))
        .isInstanceOf(NullPointerException.class);
  }
}
