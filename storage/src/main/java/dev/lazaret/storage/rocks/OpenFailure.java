package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Turns a failure to open the database into a one-line message an operator can act on. */
final class OpenFailure {

  private OpenFailure() {}

  /** Whether RocksDB failed for lack of disk space. */
  static boolean isNoSpace(RocksDBException e) {
    return (e.getStatus() != null && e.getStatus().getSubCode() == Status.SubCode.NoSpace)
        || String.valueOf(e.getMessage()).contains("No space left on device");
  }

  static StoreException explain(Path directory, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    Status.Code code = e.getStatus() == null ? null : e.getStatus().getCode();
    // RocksDB holds an fcntl lock on <dir>/LOCK; another process (or another open in this one)
    // failing to take it reports an IOError naming that file.
    if (code == Status.Code.IOError && message.contains("LOCK")) {
      return new StoreException(
          "data directory " + directory + " is locked by another running Lazaret", e);
    }
    if (isNoSpace(e)) {
      return new StoreException("data directory " + directory + " is full ("
          + DataDirectory.freeBytes(directory).stream().mapToObj(DataDirectory::mebibytes)
              .findFirst().orElse("no") + " free): the store cannot be opened; free some space"
          + " and start again", e);
    }
    if (message.contains("Permission denied") || message.contains("Read-only file system")) {
      return new StoreException("data directory " + directory + " is not writable", e);
    }
    return new StoreException("cannot open data directory " + directory + ": " + message, e);
  }
}
