package dev.lazaret.policy.text;

import java.io.DataOutput;
import java.io.IOException;

/** Unsigned variable-length integers, seven bits a byte, low bits first (as protobuf's). */
final class VarInt {

  /** A long needs at most ten bytes of seven bits. */
  private static final int MAX_BYTES = 10;

  private VarInt() {
  }

  static void write(DataOutput out, long value) throws IOException {
    if (value < 0) {
      throw new IllegalArgumentException("negative varint " + value);
    }
    long rest = value;
    while (rest >= 0x80) {
      out.writeByte((int) (rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  /** Reads varints one after another from a byte array. */
  static final class Decoder {
    private final byte[] bytes;
    private int position;

    Decoder(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The next value; a truncated or over-long one is an {@link IOException}. */
    long next() throws IOException {
      long value = 0;
      for (int i = 0; i < MAX_BYTES; i++) {
        if (position >= bytes.length) {
          throw new IOException("varint cut off at byte " + position);
        }
        byte b = bytes[position++];
        value |= (long) (b & 0x7f) << (7 * i);
        if (b >= 0) {
          return value;
        }
      }
      throw new IOException("varint longer than " + MAX_BYTES + " bytes at byte " + position);
    }

    int position() {
      return position;
    }
  }
}
