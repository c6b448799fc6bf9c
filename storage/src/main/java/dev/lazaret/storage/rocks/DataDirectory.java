package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the data directory exists and is usable before RocksDB gets to it, and tells when it
 * can take the database again after writes failed.
 */
final class DataDirectory {

  private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

  /**
   * Below this much free space at start, Lazaret warns: it starts anyway (stored content is
   * still worth serving), but new downloads will soon fail and readiness will say so.
   */
  static final long LOW_SPACE_FLOOR = 64L << 20;
  /** What a reopen needs beyond the WAL it replays into new table files. */
  private static final long REOPEN_HEADROOM = 8L << 20;
  /** Bytes a reopen first writes (and deletes) beside the database, to prove the disk takes them. */
  private static final int PROBE_BYTES = 1 << 20;
  private static final String PROBE_FILE = ".lazaret-write-probe";

  private DataDirectory() {}

  /** Creates {@code directory} if needed; fails with a one-line reason if it cannot be used. */
  static void prepare(Path directory) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new StoreException("data directory " + directory + " is not a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StoreException("data directory " + directory + " cannot be created: " + e, e);
    }
    if (!Files.isWritable(directory)) {
      throw new StoreException("data directory " + directory + " is not writable");
    }
    OptionalLong free = freeBytes(directory);
    if (free.isPresent() && free.getAsLong() < LOW_SPACE_FLOOR) {
      log.warn("Data directory {} has only {} free on its filesystem (less than {}): stored content"
          + " is served, but new downloads fail once it is full; free some space",
          directory, mebibytes(free.getAsLong()), mebibytes(LOW_SPACE_FLOOR));
    }
  }

  /** Bytes this process may still write on the directory's filesystem, if it can be told. */
  static OptionalLong freeBytes(Path directory) {
    try {
      return OptionalLong.of(Files.getFileStore(directory).getUsableSpace());
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Why the database in {@code directory} cannot be reopened for writing yet, if so: less free
   * space than replaying its WAL needs, or a test write that fails (full, read-only).
   */
  static Optional<String> reopenBlocker(Path directory) {
    OptionalLong free = freeBytes(directory);
    long needed = walBytes(directory) + REOPEN_HEADROOM;
    if (free.isPresent() && free.getAsLong() < needed) {
      return Optional.of(mebibytes(free.getAsLong()) + " free, reopening needs "
          + mebibytes(needed));
    }
    Path probe = directory.resolve(PROBE_FILE);
    try (FileChannel out = FileChannel.open(probe, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(false);
    } catch (IOException e) {
      return Optional.of("a test write fails: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        log.debug("Cannot delete {}: {}", probe, e.getMessage());
      }
    }
    return Optional.empty();
  }

  private static long walBytes(Path directory) {
    long total = 0;
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(directory, "*.log")) {
      for (Path wal : logs) {
        total += Files.size(wal);
      }
    } catch (IOException e) {
      log.debug("Cannot measure the WAL in {}: {}", directory, e.getMessage());
    }
    return total;
  }

  static String mebibytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
