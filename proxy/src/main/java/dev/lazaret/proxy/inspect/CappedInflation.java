package dev.lazaret.proxy.inspect;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes that come out of gzip against the total cap and the ratio to the compressed
 * bytes that went in, so a bomb is stopped while it inflates, not after.
 */
final class CappedInflation extends FilterInputStream {

  /** A cap was passed while reading; carries the reason as the inspection records it. */
  static final class CapExceeded extends IOException {
    CapExceeded(String why) {
      super(why, null);
    }
  }

  private final CountingInput compressed;
  private final InspectionLimits limits;
  private long unpacked;

  CappedInflation(InputStream inflated, CountingInput compressed, InspectionLimits limits) {
    super(inflated);
    this.compressed = compressed;
    this.limits = limits;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Read rather than skip, so skipped bytes are counted too.
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  private void count(int n) throws CapExceeded {
    unpacked += n;
    if (unpacked > limits.maxUnpackedBytes()) {
      throw new CapExceeded("more than " + limits.maxUnpackedBytes() + " bytes unpacked");
    }
    if (unpacked > limits.ratioFloor()
        && unpacked > (long) limits.maxRatio() * Math.max(1, compressed.count())) {
      throw new CapExceeded("decompression ratio above " + limits.maxRatio() + ":1 ("
          + compressed.count() + " bytes inflate to more than " + unpacked + ")");
    }
  }

  /** Counts the compressed bytes read. */
  static final class CountingInput extends FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
