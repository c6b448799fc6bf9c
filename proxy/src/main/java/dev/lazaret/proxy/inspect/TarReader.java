package dev.lazaret.proxy.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads tar headers one entry at a time (ustar with its prefix, pax {@code path} records and GNU
 * long names), so content is read by the caller straight from the stream and nothing is
 * unpacked to disk. Only regular files are returned; links, directories and devices are skipped
 * without following their targets.
 */
final class TarReader {

  private static final int BLOCK = 512;
  /** A pax or GNU long-name record is metadata: never more than this is read into memory. */
  private static final int MAX_META_BYTES = 64 << 10;

  private final InputStream in;
  private final InspectionLimits limits;
  private long remainingInEntry;
  private long paddingAfterEntry;
  private int entries;

  /** An entry: its path as written in the archive and its size. */
  record Entry(String path, long size) {
  }

  TarReader(InputStream in, InspectionLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  /** The next regular file, or null at the end of the archive. */
  Entry next() throws IOException, IncompleteArchiveException {
    skip(remainingInEntry + paddingAfterEntry);
    remainingInEntry = 0;
    paddingAfterEntry = 0;
    String longName = null;
    while (true) {
      byte[] header = new byte[BLOCK];
      if (!readFully(header)) {
        return null;
      }
      if (allZero(header)) {
        return null;
      }
      if (++entries > limits.maxEntries()) {
        throw new IncompleteArchiveException("more than " + limits.maxEntries() + " entries");
      }
      if (!checksumMatches(header)) {
        throw new IncompleteArchiveException("malformed tar header (bad checksum) at entry "
            + entries);
      }
      long size = octal(header, 124, 12);
      if (size < 0) {
        throw new IncompleteArchiveException("malformed tar header (bad size) at entry "
            + entries);
      }
      long padding = (BLOCK - size % BLOCK) % BLOCK;
      byte type = header[156];
      if (type == 'x' || type == 'L') {
        if (size > MAX_META_BYTES) {
          throw new IncompleteArchiveException("a long-name record of " + size + " bytes");
        }
        byte[] meta = new byte[(int) size];
        if (!readFully(meta)) {
          throw new IncompleteArchiveException("archive truncated in a long-name record");
        }
        skip(padding);
        String name = type == 'x' ? paxPath(meta) : cString(meta, 0, meta.length);
        longName = name != null ? name : longName;
        continue;
      }
      String path = longName != null ? longName : ustarPath(header);
      longName = null;
      if (type == '0' || type == 0 || type == '7') {
        remainingInEntry = size;
        paddingAfterEntry = padding;
        return new Entry(path, size);
      }
      // Directories, links (their targets are never read), devices, global pax headers.
      skip(size + padding);
    }
  }

  /** The current entry's content, up to its end. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remainingInEntry <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInEntry));
        if (n < 0) {
          throw new IOException("archive truncated inside a file");
        }
        remainingInEntry -= n;
        return n;
      }
    };
  }

  private static String ustarPath(byte[] header) {
    String name = cString(header, 0, 100);
    // POSIX ustar ("ustar\0") has a path prefix at 345; old GNU tar ("ustar ") keeps access
    // and change times there, which are not part of the name.
    boolean posix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar")
        && header[262] == 0;
    String prefix = posix ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** The {@code path} of a pax record ("LEN path=VALUE\n" lines), or null. */
  private static String paxPath(byte[] meta) {
    String text = new String(meta, StandardCharsets.UTF_8);
    int at = 0;
    while (at < text.length()) {
      int space = text.indexOf(' ', at);
      if (space < 0) {
        return null;
      }
      int length;
      try {
        length = Integer.parseInt(text.substring(at, space));
      } catch (NumberFormatException e) {
        return null;
      }
      if (length <= space - at || at + length > text.length()) {
        return null;
      }
      String record = text.substring(space + 1, at + length - 1);
      if (record.startsWith("path=")) {
        return record.substring("path=".length());
      }
      at += length;
    }
    return null;
  }

  private static String cString(byte[] bytes, int from, int max) {
    int end = from;
    while (end < from + max && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, from, end - from, StandardCharsets.UTF_8);
  }

  /** A numeric field: octal digits, or base-256 (high bit set) as GNU writes big sizes. */
  private static long octal(byte[] header, int from, int length) {
    if ((header[from] & 0x80) != 0) {
      long value = 0;
      for (int i = from + 1; i < from + length; i++) {
        if (value > (Long.MAX_VALUE >> 8)) {
          return -1;
        }
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    long value = 0;
    for (int i = from; i < from + length; i++) {
      byte b = header[i];
      if (b == 0 || b == ' ') {
        if (value > 0) {
          break;
        }
        continue;
      }
      if (b < '0' || b > '7') {
        return -1;
      }
      value = value * 8 + (b - '0');
    }
    return value;
  }

  private static boolean checksumMatches(byte[] header) {
    long stored = octal(header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
    }
    return stored == sum;
  }

  private static boolean allZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean readFully(byte[] buffer) throws IOException {
    int read = in.readNBytes(buffer, 0, buffer.length);
    if (read == 0) {
      return false;
    }
    if (read < buffer.length) {
      throw new IOException("archive truncated");
    }
    return true;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          return;
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }
}
