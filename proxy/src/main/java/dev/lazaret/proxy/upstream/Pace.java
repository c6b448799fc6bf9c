package dev.lazaret.proxy.upstream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The overall deadline for reading one upstream body: the response timeout as a grace period,
 * plus one second per {@link #MIN_BYTES_PER_SECOND} bytes received. An honest upstream is far
 * faster (a 200 MiB packument at 64 KiB/s still has 53 minutes); a drip of one byte just inside
 * the stall timeout fails after about the grace period instead of never. The check runs after
 * each read returns, so the deadline can be overrun by at most one stall timeout.
 */
final class Pace {

  /** The slowest average rate accepted once the grace period is over. */
  static final long MIN_BYTES_PER_SECOND = 64L << 10;
  /** The grace when no response timeout is given: the default upstream response timeout. */
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long graceNanos;
  private final LongSupplier nanoTime;
  private final String what;
  private final long start;
  private long received;

  Pace(Duration grace, LongSupplier nanoTime, String what) {
    this.graceNanos = grace.toNanos();
    this.nanoTime = nanoTime;
    this.what = what;
    this.start = nanoTime.getAsLong();
  }

  /** {@code in}, failing with a {@link TooSlowException} once the body falls behind the pace. */
  InputStream guard(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        arrived(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        arrived(Math.max(0, n));
        return n;
      }
    };
  }

  private void arrived(int n) throws TooSlowException {
    received += n;
    long allowed = graceNanos + received * NANOS_PER_SECOND / MIN_BYTES_PER_SECOND;
    long elapsed = nanoTime.getAsLong() - start;
    if (elapsed > allowed) {
      throw new TooSlowException("upstream sent " + what + " too slowly: " + received
          + " bytes in " + elapsed / NANOS_PER_SECOND + " s (at least "
          + (MIN_BYTES_PER_SECOND >> 10) + " KiB/s is needed after the first "
          + graceNanos / NANOS_PER_SECOND + " s)");
    }
  }

  /** A body that arrived too slowly overall; a timeout, like a stall. */
  static final class TooSlowException extends IOException {
    TooSlowException(String message) {
      super(message);
    }
  }
}
