package dev.lazaret.storage.rocks;

import dev.lazaret.storage.Record;
import dev.lazaret.storage.RecordSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record space: a slice of the shared records family under its {@link RecordKey} prefix.
 * Values are stored as given, with no format byte: they are the caller's serialization, which
 * carries its own versioning.
 */
final class RocksRecordSpace implements RecordSpace {

  private final Database db;
  private final String name;
  private final byte[] prefix;

  RocksRecordSpace(Database db, String name) {
    this.db = db;
    this.prefix = RecordKey.spacePrefix(name);
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] stored = RecordKey.of(prefix, key);
    return Optional.ofNullable(db.call("get record " + describe(key), Family.RECORDS,
        rocks -> rocks.get(db.handle(Family.RECORDS), stored)));
  }

  @Override
  public void put(String key, byte[] value) {
    Objects.requireNonNull(value, "value");
    byte[] stored = RecordKey.of(prefix, key);
    db.run("put record " + describe(key), Family.RECORDS,
        rocks -> rocks.put(db.handle(Family.RECORDS), db.writeOptions(), stored, value));
  }

  @Override
  public void delete(String key) {
    byte[] stored = RecordKey.of(prefix, key);
    db.run("delete record " + describe(key), Family.RECORDS,
        rocks -> rocks.delete(db.handle(Family.RECORDS), db.writeOptions(), stored));
  }

  @Override
  public List<Record> scan(String keyPrefix, String startAfter, int limit) {
    Objects.requireNonNull(keyPrefix, "prefix");
    KeyRange.requireLimit(limit);
    byte[] from = RecordKey.of(prefix, keyPrefix);
    // The space prefix ends in NUL, so the end of any prefix within it always exists.
    byte[] to = KeyRange.endOfPrefix(from);
    if (startAfter != null) {
      byte[] after = KeyRange.justAfter(RecordKey.of(prefix, startAfter));
      if (Arrays.compareUnsigned(after, from) > 0) {
        from = after;
      }
    }
    byte[] start = from;
    return db.call("scan records " + describe(keyPrefix + "*"), Family.RECORDS, rocks -> {
      List<Record> found = new ArrayList<>();
      KeyRange.walk(rocks, db.handle(Family.RECORDS), start, to, at -> {
        found.add(new Record(RecordKey.keyOf(prefix, at.key()), at.value()));
        return found.size() < limit;
      });
      return found;
    });
  }

  @Override
  public long count(String keyPrefix) {
    Objects.requireNonNull(keyPrefix, "prefix");
    byte[] from = RecordKey.of(prefix, keyPrefix);
    return db.call("count records " + describe(keyPrefix + "*"), Family.RECORDS, rocks -> {
      long[] count = {0};
      KeyRange.walk(rocks, db.handle(Family.RECORDS), from, KeyRange.endOfPrefix(from), at -> {
        count[0]++;
        return true;
      });
      return count[0];
    });
  }

  private String describe(String key) {
    return name + "/" + key;
  }
}
