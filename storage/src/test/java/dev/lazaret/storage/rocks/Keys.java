package dev.lazaret.storage.rocks;

import org.rocksdb.RocksIterator;

/** Counts what a column family really holds, for assertions about what was (not) left behind. */
final class Keys {

  private Keys() {}

  static long count(RocksStorage storage, Family family) {
    Database db = storage.database();
    return db.call("count keys", family, rocks -> {
      long count = 0;
      try (RocksIterator it = rocks.newIterator(db.handle(family))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          count++;
        }
        it.status();
      }
      return count;
    });
  }
}
