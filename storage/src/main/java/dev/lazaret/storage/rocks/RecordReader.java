package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reads a value written by {@link RecordWriter}, failing with a {@link StoreException} if it is damaged. */
final class RecordReader {

  private final ByteBuffer in;
  private final String what;

  /** Checks the format version up front; {@code what} names the record in error messages. */
  RecordReader(byte[] value, byte expectedVersion, String what) {
    this.in = ByteBuffer.wrap(value);
    this.what = what;
    byte version = value.length == 0 ? -1 : in.get();
    if (version != expectedVersion) {
      throw new StoreException(
          "stored " + what + " has format version " + version + ", expected " + expectedVersion);
    }
  }

  /** Whether anything is left to read (fields appended in later releases may be absent). */
  boolean hasRemaining() {
    return in.hasRemaining();
  }

  int getInt() {
    try {
      return in.getInt();
    } catch (BufferUnderflowException e) {
      throw truncated(e);
    }
  }

  long getLong() {
    try {
      return in.getLong();
    } catch (BufferUnderflowException e) {
      throw truncated(e);
    }
  }

  Instant getInstant() {
    long seconds = getLong();
    return Instant.ofEpochSecond(seconds, getInt());
  }

  String getNullableString() {
    int length = getInt();
    if (length < 0) {
      return null;
    }
    if (length > in.remaining()) {
      throw new StoreException("stored " + what + " is truncated");
    }
    String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }

  byte[] getBytes() {
    int length = getInt();
    if (length < 0 || length > in.remaining()) {
      throw new StoreException("stored " + what + " is truncated");
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  private StoreException truncated(BufferUnderflowException cause) {
    return new StoreException("stored " + what + " is truncated", cause);
  }
}
