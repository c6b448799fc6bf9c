package dev.lazaret.storage.rocks;

import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Removed versions keyed by name, NUL, version: all of a package's removals are adjacent, so one
 * bounded prefix scan lists them. The value holds only what the key does not: when, and integrity.
 */
final class RocksRemovedVersionLog implements RemovedVersionLog {

  private static final byte FORMAT = 1;
  private static final byte SEPARATOR = 0;

  private final Database db;

  RocksRemovedVersionLog(Database db) {
    this.db = db;
  }

  /**
   * Synchronized because "first record wins" is a read then a write; removals are rare, so one
   * lock for the whole log costs nothing.
   */
  @Override
  public synchronized void record(RemovedVersion removal) {
    Objects.requireNonNull(removal, "removal");
    byte[] key = key(removal.name(), removal.version());
    byte[] value = new RecordWriter(FORMAT)
        .putInstant(removal.removedAt())
        .putNullableString(removal.integrity())
        .toBytes();
    db.run("record removed version " + removal.name() + "@" + removal.version(),
        Family.REMOVED_VERSIONS, rocks -> {
          if (!rocks.keyExists(db.handle(Family.REMOVED_VERSIONS), key)) {
            rocks.put(db.handle(Family.REMOVED_VERSIONS), db.writeOptions(), key, value);
          }
        });
  }

  @Override
  public List<RemovedVersion> forPackage(String name) {
    byte[] prefix = prefix(name);
    // Every key of this package is below prefix-with-last-byte-incremented: name + 0x01.
    byte[] upperBound = Arrays.copyOf(prefix, prefix.length);
    upperBound[upperBound.length - 1] = SEPARATOR + 1;
    List<RemovedVersion> removals = db.call("list removed versions of " + name,
        Family.REMOVED_VERSIONS, rocks -> {
          List<RemovedVersion> found = new ArrayList<>();
          try (Slice bound = new Slice(upperBound);
               ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
               RocksIterator it = rocks.newIterator(db.handle(Family.REMOVED_VERSIONS), read)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
              byte[] key = it.key();
              String version = new String(
                  key, prefix.length, key.length - prefix.length, StandardCharsets.UTF_8);
              found.add(decode(name, version, it.value()));
            }
            it.status();
          }
          return found;
        });
    // Keys sort by version string; the contract is oldest first.
    removals.sort(Comparator.comparing(RemovedVersion::removedAt)
        .thenComparing(RemovedVersion::version));
    return removals;
  }

  private static RemovedVersion decode(String name, String version, byte[] value) {
    RecordReader in = new RecordReader(value, FORMAT, "removed version " + name + "@" + version);
    Instant removedAt = in.getInstant();
    return new RemovedVersion(name, version, removedAt, in.getNullableString());
  }

  private static byte[] key(String name, String version) {
    byte[] prefix = prefix(name);
    byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream key = new ByteArrayOutputStream(prefix.length + versionBytes.length);
    key.writeBytes(prefix);
    key.writeBytes(versionBytes);
    return key.toByteArray();
  }

  private static byte[] prefix(String name) {
    Objects.requireNonNull(name, "name");
    if (name.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("package name contains NUL: " + name);
    }
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = Arrays.copyOf(nameBytes, nameBytes.length + 1);
    prefix[nameBytes.length] = SEPARATOR;
    return prefix;
  }
}
