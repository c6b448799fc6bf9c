package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lazaret.storage.CachedPackument;
import dev.lazaret.storage.MutableClock;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballWriter;
import dev.lazaret.storage.Tmpfs;
import dev.lazaret.storage.WritesFailingException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real full disk (a small tmpfs): writes fail with {@link WritesFailingException} and are
 * reported, reads go on, and once space is freed the recovery makes writes work again without a
 * restart. Before the fix writes kept failing with RocksDB's stored error until the process
 * restarted, and nothing reported it.
 */
class RocksDiskFullTest {

  private static final int CHUNK = 256 << 10;
  private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

  @TempDir Path mountPoint;
  private final MutableClock clock = new MutableClock(T0);

  @Test
  void writesFailWhileTheDiskIsFullReadsGoOnAndWritesRecoverOnceItIsFreed() throws Exception {
    try (Tmpfs disk = Tmpfs.mount(mountPoint, 64)) {
      RocksStorage storage = RocksStorage.openUnattended(disk.dir().resolve("store"), CHUNK, clock);
      try {
        byte[] kept = bytes(600 << 10, 1);
        store(storage, kept);
        storage.packuments().put("kept", packument("{\"name\":\"kept\"}"));
        assertThat(storage.recovery().check()).isEqualTo(WriteRecovery.Outcome.HEALTHY);
        // A download under way across the whole failure, idle meanwhile (a slow upstream).
        byte[] slow = bytes(3 * CHUNK, 7);
        TarballWriter running = storage.tarballs().begin();
        running.append(ByteBuffer.wrap(slow, 0, 2 * CHUNK));

        disk.fill();
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> store(storage, bytes(600 << 10, 2)))
            .isInstanceOf(WritesFailingException.class)
            .hasMessageContaining("No space left on device");
        assertThat(storage.writeFailure()).hasValueSatisfying(f -> {
          assertThat(f.reason()).isEqualTo("No space left on device");
          assertThat(f.since()).isEqualTo(T0.plusSeconds(5));
          assertThat(f.describe()).isEqualTo(
              "writes failing: No space left on device (since 2026-12-06T03:00:05Z)");
        });
        // Stored content still reads.
        assertThat(readAll(storage.tarballs().find(sha512(kept)).orElseThrow())).isEqualTo(kept);
        assertThat(storage.packuments().get("kept")).isPresent();
        // Still full: nothing to do but wait; RocksDB alone does not clear its error.
        assertThat(storage.recovery().check()).isEqualTo(WriteRecovery.Outcome.WAITING);
        assertThat(storage.writeFailure()).isPresent();

        disk.free();
        assertThat(storage.recovery().check()).isEqualTo(WriteRecovery.Outcome.RECOVERED);
        assertThat(storage.writeFailure()).isEmpty();
        byte[] fresh = bytes(600 << 10, 3);
        store(storage, fresh);
        assertThat(readAll(storage.tarballs().find(sha512(fresh)).orElseThrow())).isEqualTo(fresh);
        assertThat(readAll(storage.tarballs().find(sha512(kept)).orElseThrow())).isEqualTo(kept);
        assertThat(storage.packuments().get("kept")).isPresent();
        // What the failed download staged is gone without a restart; the running one is kept.
        assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isEqualTo(1);
        running.append(ByteBuffer.wrap(slow, 2 * CHUNK, CHUNK));
        assertThat(readAll(running.commit(sha512(slow)))).isEqualTo(slow);
        assertThat(Keys.count(storage, Family.TARBALL_STAGING)).isZero();
      } finally {
        storage.close();
      }
    }
  }

  @Test
  void startingOnAFullDiskServesWhatIsStoredAndWritesOnceSpaceIsFreed() throws Exception {
    try (Tmpfs disk = Tmpfs.mount(mountPoint, 64)) {
      Path dir = disk.dir().resolve("store");
      byte[] kept = bytes(600 << 10, 8);
      RocksStorage first = RocksStorage.openUnattended(dir, CHUNK, clock);
      store(first, kept);
      first.close();
      disk.fill();

      // Before: "cannot open data directory ...: While appending to file ...", and no Lazaret.
      Logger logger = (Logger) LoggerFactory.getLogger(DataDirectory.class);
      ListAppender<ILoggingEvent> warnings = new ListAppender<>();
      warnings.start();
      logger.addAppender(warnings);
      RocksStorage storage;
      try {
        storage = RocksStorage.openUnattended(dir, CHUNK, clock);
      } finally {
        logger.detachAppender(warnings);
      }
      try {
        assertThat(warnings.list).singleElement().satisfies(w -> {
          assertThat(w.getLevel()).isEqualTo(Level.WARN);
          assertThat(w.getFormattedMessage()).contains(dir.toString(), "0.0 MiB free",
              "less than 64.0 MiB");
        });
        assertThat(storage.writeFailure()).hasValueSatisfying(
            f -> assertThat(f.reason()).isEqualTo("No space left on device"));
        assertThat(readAll(storage.tarballs().find(sha512(kept)).orElseThrow())).isEqualTo(kept);
        assertThatThrownBy(() -> store(storage, bytes(1000, 9)))
            .isInstanceOf(WritesFailingException.class);
        assertThat(storage.recovery().check()).isEqualTo(WriteRecovery.Outcome.WAITING);

        disk.free();
        assertThat(storage.recovery().check()).isEqualTo(WriteRecovery.Outcome.RECOVERED);
        byte[] fresh = bytes(600 << 10, 10);
        store(storage, fresh);
        assertThat(readAll(storage.tarballs().find(sha512(fresh)).orElseThrow())).isEqualTo(fresh);
      } finally {
        storage.close();
      }
    }
  }

  private static StoredTarball store(RocksStorage storage, byte[] bytes) throws Exception {
    try (TarballWriter writer = storage.tarballs().begin()) {
      writer.append(ByteBuffer.wrap(bytes));
      return writer.commit(sha512(bytes));
    }
  }

  private CachedPackument packument(String json) {
    return new CachedPackument(json.getBytes(StandardCharsets.UTF_8), "\"e1\"", null,
        clock.instant());
  }

  private static byte[] bytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static TarballDigest sha512(byte[] bytes) throws Exception {
    return new TarballDigest("SHA-512", MessageDigest.getInstance("SHA-512").digest(bytes));
  }

  private static byte[] readAll(StoredTarball tarball) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < tarball.chunkCount(); i++) {
      ByteBuffer chunk = tarball.readChunk(i);
      byte[] b = new byte[chunk.remaining()];
      chunk.get(b);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }
}
