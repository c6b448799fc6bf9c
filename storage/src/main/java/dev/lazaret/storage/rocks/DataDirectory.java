package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the data directory exists and is usable before RocksDB gets to it. */
final class DataDirectory {

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
  }
}
