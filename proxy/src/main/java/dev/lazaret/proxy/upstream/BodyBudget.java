package dev.lazaret.proxy.upstream;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of upstream bodies may be buffered on the heap at once, across every upstream
 * and request. Each cap alone ({@code upstream.max-packument-size}) bounds one body, not ten of
 * them arriving together; this bounds their sum, so concurrent huge packuments fail with a clear
 * error instead of an {@link OutOfMemoryError}. A read reserves as it buffers, in
 * {@link #STEP} steps, waits at most a moment for budget another read frees, and otherwise fails
 * (a 502 that says why). A packument's reservation lives on with its bytes until the caller
 * (PackumentService) is done parsing and storing them; other bodies release theirs when read.
 */
public final class BodyBudget {

  /**
   * Smallest reservation: small answers (search, a tiny packument) hold little, so hundreds can
   * be in flight at once even on a small heap.
   */
  static final long STEP = 64L << 10;
  /** How long a read waits for budget before it gives up. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

  private static final BodyBudget PROCESS_WIDE =
      new BodyBudget(forHeap(Runtime.getRuntime().maxMemory()), DEFAULT_WAIT);

  private final long bytes;
  private final Semaphore kib;
  private final Duration wait;

  private BodyBudget(long bytes, Duration wait) {
    this.bytes = Math.min(bytes, Integer.MAX_VALUE * 1024L);
    this.kib = new Semaphore((int) (this.bytes >> 10));
    this.wait = wait;
  }

  /** The one budget of this JVM: half the maximum heap. */
  public static BodyBudget processWide() {
    return PROCESS_WIDE;
  }

  /** A budget of {@code bytes}, waiting at most {@code wait} for budget (tests use their own). */
  public static BodyBudget of(long bytes, Duration wait) {
    if (bytes < STEP) {
      throw new IllegalArgumentException("a body budget below " + STEP + " bytes buffers nothing");
    }
    return new BodyBudget(bytes, wait);
  }

  /** The budget for a heap of {@code maxHeap} bytes: half; the rest is for everything else. */
  static long forHeap(long maxHeap) {
    return Math.max(STEP, maxHeap / 2);
  }

  /** The whole budget in bytes. */
  public long bytes() {
    return bytes;
  }

  /** Bytes currently reserved by reads in progress. */
  public long inUse() {
    return bytes - ((long) kib.availablePermits() << 10);
  }

  /** A reservation that starts empty; close it when the buffered bytes are handed on. */
  Reservation reserve() {
    return new Reservation();
  }

  /** The bytes one read holds. Not thread-safe: one reader owns it; closing twice is harmless. */
  final class Reservation implements AutoCloseable {
    private long heldKib;
    private long needed;

    private Reservation() {
    }

    /**
     * Reserves {@code more} bytes on top of those already reserved.
     *
     * @param what what is being read, for the message
     * @throws UpstreamException if the budget stays exhausted for the wait, or the total
     *                           exceeds the whole budget
     */
    void add(long more, String what) throws UpstreamException {
      needed += more;
      long neededKib = (needed + 1023) >> 10;
      while (heldKib < neededKib) {
        int step = (int) Math.min(Math.max(STEP >> 10, neededKib - heldKib),
            (bytes >> 10) - heldKib);
        if (step <= 0) {
          // Not a busy moment: this body alone is bigger than the whole budget, now and later.
          throw new UpstreamException(UpstreamException.Kind.BAD_BODY, what + " is larger than"
              + " Lazaret's whole budget for upstream bodies, " + BodyLimits.describe(bytes)
              + " (half the heap): it cannot be served with this heap; raise -Xmx (in"
              + " LAZARET_JAVA_OPTS) to serve it, or lower upstream.max-packument-size to refuse"
              + " such documents before reading them");
        }
        if (!acquire(step)) {
          throw new UpstreamException(UpstreamException.Kind.BAD_BODY, what
              + " cannot be buffered now: upstream bodies in flight have used Lazaret's budget of "
              + BodyLimits.describe(bytes) + " (half the heap); try again");
        }
        heldKib += step;
      }
    }

    private boolean acquire(int permits) throws UpstreamException {
      try {
        return kib.tryAcquire(permits, wait.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UpstreamException(UpstreamException.Kind.UNREACHABLE,
            "interrupted while waiting for body budget", e);
      }
    }


    /** Releases {@code bytes} reserved earlier (an array that is garbage now). */
    void release(long bytes) {
      needed = Math.max(0, needed - bytes);
      long neededKib = (needed + 1023) >> 10;
      if (neededKib < heldKib) {
        kib.release((int) (heldKib - neededKib));
        heldKib = neededKib;
      }
    }

    /** Releases all but {@code bytes} of what is held (the array handed on, once the rest is garbage). */
    void keepOnly(long bytes) {
      long keptKib = (bytes + 1023) >> 10;
      if (keptKib < heldKib) {
        kib.release((int) (heldKib - keptKib));
        heldKib = keptKib;
      }
      needed = Math.min(needed, bytes);
    }

    @Override
    public void close() {
      kib.release((int) heldKib);
      heldKib = 0;
      needed = 0;
    }
  }
}
