package dev.lazaret.proxy.upstream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads an upstream body into one array without ever holding more than its cap, counted after
 * decoding: a 2 MB gzip that inflates to 2 GB fails at the cap (usually before inflating at all,
 * from the size gzip records in its trailer), and an announced Content-Length past the cap fails
 * before a byte is read. Every buffered byte is reserved in the {@link BodyBudget} first.
 * Sizes announced by the upstream (Content-Length, gzip trailer) are only hints: they size the
 * first array up to {@link #MAX_FIRST_ARRAY} (a body of that size or less is then held once);
 * only once that first chunk has really arrived does the array grow to the hinted size (so an
 * honest large body is still held about once). Without a hint, or past it, the body grows in
 * chunks, copied once at the end. So a 20-byte gzip claiming 199 MiB reserves nothing it did
 * not receive, and a trailer claiming more than deflate can encode is ignored.
 *
 * <p>A body must also arrive at a minimum pace ({@link Pace}): the stall guard bounds the wait
 * for each byte, not the whole body, and an upstream dripping one byte just inside the stall
 * timeout would otherwise hold its reservation (and the package's single flight) forever.
 */
final class BodyReader {

  private static final int FIRST_CHUNK = 64 << 10;
  private static final int CHUNK = 1 << 20;
  /** The largest first array a size hint may ask for: one chunk. */
  static final int MAX_FIRST_ARRAY = CHUNK;
  /** The largest Java array, with the JVM's usual headroom. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
  /** The most deflate can expand: about 1032 to 1; a trailer claiming more is ignored. */
  private static final long MAX_DEFLATE_RATIO = 1032;
  /** A gzip member's header and trailer; anything shorter is not gzip. */
  private static final int GZIP_MIN = 18;

  private final BodyBudget budget;
  private final Duration grace;
  private final LongSupplier nanoTime;

  /** A reader whose bodies get {@link Pace#DEFAULT_GRACE} before the minimum pace applies. */
  BodyReader(BodyBudget budget) {
    this(budget, Pace.DEFAULT_GRACE, System::nanoTime);
  }

  /**
   * A reader whose bodies must arrive at {@link Pace#MIN_BYTES_PER_SECOND} after {@code grace}
   * (the response timeout), timed by {@code nanoTime} (tests pass their own).
   */
  BodyReader(BodyBudget budget, Duration grace, LongSupplier nanoTime) {
    this.budget = budget;
    this.grace = grace;
    this.nanoTime = nanoTime;
  }

  /**
   * The whole body.
   *
   * @param contentLength the announced length as sent (compressed, if gzip), or -1
   * @param gzip          whether the body is gzip-encoded; it is decoded here
   * @param cap           the most bytes accepted after decoding
   * @param what          what is read, for messages: {@code packument left-pad}
   * @param tooLarge      the message when the body is larger than {@code cap}
   * @throws UpstreamException {@link UpstreamException.Kind#BAD_BODY} past the cap, for a corrupt
   *                           gzip, or when the budget is exhausted
   * @throws IOException       when reading fails (reset, stall)
   */
  byte[] read(InputStream body, long contentLength, boolean gzip, long cap, String what,
      String tooLarge) throws IOException, UpstreamException {
    try (HeldBody held = readHeld(body, contentLength, gzip, cap, what, tooLarge)) {
      return held.bytes();
    }
  }

  /**
   * The whole body, its bytes still counted in the budget until the result is closed: for a
   * caller that keeps the array through parsing and storing. Arguments and failures as
   * {@link #read}; on failure nothing stays reserved.
   */
  HeldBody readHeld(InputStream body, long contentLength, boolean gzip, long cap, String what,
      String tooLarge) throws IOException, UpstreamException {
    long limit = Math.min(cap, MAX_ARRAY);
    if (contentLength > limit) {
      throw tooLarge(tooLarge);
    }
    BodyBudget.Reservation reservation = budget.reserve();
    try {
      Pace pace = new Pace(grace, nanoTime, what);
      byte[] bytes = decoded(reservation, pace.guard(body), contentLength, gzip, limit, what,
          tooLarge);
      // The chunks and the compressed copy are garbage now: hold only what is handed on.
      reservation.keepOnly(bytes.length);
      return new HeldBody(bytes, reservation);
    } catch (IOException | UpstreamException | RuntimeException | Error e) {
      reservation.close();
      throw e;
    }
  }

  private static byte[] decoded(BodyBudget.Reservation reservation, InputStream body,
      long contentLength, boolean gzip, long limit, String what, String tooLarge)
      throws IOException, UpstreamException {
    if (!gzip) {
      return new Buffer(reservation, what, limit, tooLarge).fill(body, contentLength);
    }
    byte[] compressed = new Buffer(reservation, what, limit, tooLarge).fill(body, contentLength);
    long decodedSize = trailerSize(compressed);
    if (decodedSize > limit) {
      throw tooLarge(tooLarge);
    }
    if (decodedSize > compressed.length * MAX_DEFLATE_RATIO) {
      decodedSize = -1; // more than deflate can encode in these bytes: the trailer lies
    }
    try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(compressed),
        FIRST_CHUNK)) {
      return new Buffer(reservation, what, limit, tooLarge).fill(inflated, decodedSize);
    } catch (IOException e) {
      // The compressed bytes are all here: a failure now is the body's, not the network's.
      throw new UpstreamException(UpstreamException.Kind.BAD_BODY,
          "upstream sent a corrupt gzip body for " + what + " (" + e + ")", e);
    }
  }

  /**
   * A body read whole, with its share of the {@link BodyBudget}; closing releases the share
   * (once; closing again does nothing).
   */
  static final class HeldBody implements AutoCloseable {
    private final byte[] bytes;
    private final BodyBudget.Reservation reservation;

    private HeldBody(byte[] bytes, BodyBudget.Reservation reservation) {
      this.bytes = bytes;
      this.reservation = reservation;
    }

    /** The body. */
    byte[] bytes() {
      return bytes;
    }

    @Override
    public void close() {
      reservation.close();
    }
  }

  /**
   * The decoded size gzip records in its last four bytes (modulo 4 GiB, and of the last member
   * only): a hint for the array size and an early bomb check, never trusted as the truth; -1
   * if the body is too short to be gzip (inflating it will say so).
   */
  private static long trailerSize(byte[] gz) {
    if (gz.length < GZIP_MIN) {
      return -1;
    }
    int n = gz.length;
    return (gz[n - 4] & 0xffL) | (gz[n - 3] & 0xffL) << 8 | (gz[n - 2] & 0xffL) << 16
        | (gz[n - 1] & 0xffL) << 24;
  }

  private static UpstreamException tooLarge(String message) {
    return new UpstreamException(UpstreamException.Kind.BAD_BODY, message);
  }

  /** Collects one stream's bytes within the cap, reserving before it allocates. */
  private static final class Buffer {
    private final BodyBudget.Reservation reservation;
    private final String what;
    private final long limit;
    private final String tooLarge;
    private final List<byte[]> full = new ArrayList<>();
    private long total;

    Buffer(BodyBudget.Reservation reservation, String what, long limit, String tooLarge) {
      this.reservation = reservation;
      this.what = what;
      this.limit = limit;
      this.tooLarge = tooLarge;
    }

    /** Reads {@code in} to its end; {@code sizeHint} (or -1) sizes the first array. */
    byte[] fill(InputStream in, long sizeHint) throws IOException, UpstreamException {
      // Hints are hints: never more than one chunk before the bytes are really there.
      byte[] chunk = allocate(sizeHint > 0 ? Math.min(sizeHint, MAX_FIRST_ARRAY)
          : Math.min(FIRST_CHUNK, limit + 1));
      int filled = 0;
      while (true) {
        if (filled == chunk.length) {
          // Probe for one more byte before allocating: a body of exactly the hinted size then
          // needs no second array.
          int next = in.read();
          if (next < 0) {
            break;
          }
          counted(1);
          if (full.isEmpty() && sizeHint > total) {
            // The first chunk arrived as announced: now grow straight to the hinted size, so
            // an honest large body is held once (plus this chunk), not twice at the join. A
            // liar holds it only as long as the pace allows (and a lying gzip trailer only
            // while inflating, which needs no network).
            byte[] grown = allocate(sizeHint);
            System.arraycopy(chunk, 0, grown, 0, filled);
            reservation.release(chunk.length);
            chunk = grown;
            chunk[filled++] = (byte) next;
            continue;
          }
          full.add(chunk);
          chunk = allocate(Math.min(CHUNK, limit - total + 2));
          chunk[0] = (byte) next;
          filled = 1;
          continue;
        }
        int n = in.read(chunk, filled, chunk.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        counted(n);
      }
      return joined(chunk, filled);
    }

    private void counted(int n) throws UpstreamException {
      total += n;
      if (total > limit) {
        throw tooLarge(tooLarge);
      }
    }

    private byte[] allocate(long size) throws UpstreamException {
      int length = (int) Math.max(1, Math.min(size, MAX_ARRAY));
      reservation.add(length, what);
      return new byte[length];
    }

    private byte[] joined(byte[] last, int filled) throws UpstreamException {
      if (full.isEmpty() && filled == last.length) {
        return last;
      }
      reservation.add(total, what);
      byte[] whole = new byte[(int) total];
      int at = 0;
      for (byte[] c : full) {
        System.arraycopy(c, 0, whole, at, c.length);
        at += c.length;
      }
      System.arraycopy(last, 0, whole, at, filled);
      // The chunks are garbage now: only the whole array stays reserved.
      reservation.release(at + (long) last.length);
      return whole;
    }
  }
}
