package dev.lazaret.storage.rocks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds one compact stored value: a leading format version (so a later layout can be told apart),
 * then big-endian fixed-width numbers and length-prefixed nullable UTF-8 strings.
 */
final class RecordWriter {

  private static final int NULL_LENGTH = -1;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
  private final ByteBuffer scratch = ByteBuffer.allocate(Long.BYTES);

  RecordWriter(byte formatVersion) {
    out.write(formatVersion);
  }

  RecordWriter putInt(int value) {
    scratch.clear();
    out.write(scratch.putInt(value).array(), 0, Integer.BYTES);
    return this;
  }

  RecordWriter putLong(long value) {
    scratch.clear();
    out.write(scratch.putLong(value).array(), 0, Long.BYTES);
    return this;
  }

  /** Seconds and nanoseconds, so an {@link Instant} round-trips exactly. */
  RecordWriter putInstant(Instant value) {
    return putLong(value.getEpochSecond()).putInt(value.getNano());
  }

  RecordWriter putNullableString(String value) {
    if (value == null) {
      return putInt(NULL_LENGTH);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    putInt(bytes.length);
    out.write(bytes, 0, bytes.length);
    return this;
  }

  /** Length-prefixed, so fields may follow in a later format. */
  RecordWriter putBytes(byte[] value) {
    putInt(value.length);
    out.write(value, 0, value.length);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
