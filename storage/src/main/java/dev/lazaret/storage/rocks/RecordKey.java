package dev.lazaret.storage.rocks;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Keys of the records family: the space's name, a NUL, then the record's key, all UTF-8. Space
 * names may not contain NUL, so the first NUL always ends the space and no space's keys can be
 * mistaken for another's, whatever bytes the record keys hold.
 */
final class RecordKey {

  private static final byte SEPARATOR = 0;

  private RecordKey() {}

  /** The bytes every key of {@code space} starts with. */
  static byte[] spacePrefix(String space) {
    Objects.requireNonNull(space, "space");
    if (space.isEmpty() || space.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("record space name must be non-empty and without NUL: "
          + space.replace("\0", "\\0"));
    }
    return KeyRange.concat(utf8(space), new byte[] {SEPARATOR});
  }

  static byte[] of(byte[] spacePrefix, String key) {
    return KeyRange.concat(spacePrefix, utf8(Objects.requireNonNull(key, "key")));
  }

  static String keyOf(byte[] spacePrefix, byte[] stored) {
    return new String(
        stored, spacePrefix.length, stored.length - spacePrefix.length, StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
