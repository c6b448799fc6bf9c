package dev.lazaret.proxy.upstream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes upstream bodies that stop delivering bytes. The JDK client's request timeout only covers
 * the wait for response headers; without this, an upstream that stalls mid-body would hold a
 * download (and its waiting clients) forever.
 */
final class StallGuard implements AutoCloseable {

  private final long stallNanos;
  private final Set<Guarded> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lazaret-stall-guard");
    t.setDaemon(true);
    return t;
  });

  StallGuard(Duration stall) {
    this.stallNanos = stall.toNanos();
    long period = Math.max(50, Math.min(1000, stall.toMillis() / 4));
    ticker.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** Wraps {@code in} so that it is closed if no byte arrives for the stall timeout. */
  InputStream guard(InputStream in) {
    Guarded g = new Guarded(in);
    watched.add(g);
    return g;
  }

  private void check() {
    long now = System.nanoTime();
    for (Guarded g : watched) {
      if (now - g.lastProgress > stallNanos) {
        g.stalled = true;
        g.closeQuietly();
      }
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  /** A body stream that records when it last made progress. */
  private final class Guarded extends FilterInputStream {
    volatile long lastProgress = System.nanoTime();
    volatile boolean stalled;

    Guarded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = checked(super.read());
      lastProgress = System.nanoTime();
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = checked(super.read(buf, off, len));
      lastProgress = System.nanoTime();
      return n;
    }

    private int checked(int n) throws IOException {
      if (stalled) {
        throw new StalledException();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      watched.remove(this);
      super.close();
    }

    void closeQuietly() {
      watched.remove(this);
      try {
        super.close();
      } catch (IOException ignored) {
        // closing is how we interrupt the reader; its failure changes nothing
      }
    }
  }

  /** Thrown by reads on a body the guard closed. */
  static final class StalledException extends IOException {
    StalledException() {
      super("upstream stopped sending data");
    }
  }
}
