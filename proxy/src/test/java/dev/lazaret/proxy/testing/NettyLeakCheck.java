package dev.lazaret.proxy.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails the test class during or after which Netty's leak detector reported a leak ({@code LEAK:}
 * at ERROR from {@code io.netty.util.ResourceLeakDetector}), so a leaked buffer breaks the build
 * instead of scrolling by in a log. Registered for every Jupiter test class by autodetection
 * ({@code META-INF/services}, {@code junit-platform.properties}).
 *
 * <p>Netty reports a leak only when the leaked buffer has been garbage-collected and a later
 * allocation is tracked. With the detector at {@code advanced} or {@code paranoid} (the CI
 * profile), each class therefore ends with a collection and a few tracked allocations, so a leak
 * is pinned to the class that made it (or, for a buffer still referenced by a background thread,
 * to a class soon after). A report is not lost if it surfaces in another class: every recorded
 * report fails the next class to finish.
 */
public final class NettyLeakCheck implements BeforeAllCallback, AfterAllCallback {

  private static final String DETECTOR = ResourceLeakDetector.class.getName();
  /** Reports kept for the failure message; a leaking test may report thousands. */
  private static final int KEEP = 5;
  private static final Recorder RECORDER = new Recorder();

  /** Collects {@code LEAK:} reports. */
  private static final class Recorder extends AppenderBase<ILoggingEvent> {
    private final List<String> reports = new ArrayList<>();
    private int count;

    @Override
    protected synchronized void append(ILoggingEvent event) {
      String message = event.getFormattedMessage();
      if (event.getLevel().isGreaterOrEqual(Level.ERROR) && message.contains("LEAK:")) {
        count++;
        if (reports.size() < KEEP) {
          reports.add(message);
        }
      }
    }

    synchronized List<String> drain(int[] total) {
      total[0] = count;
      List<String> out = List.copyOf(reports);
      reports.clear();
      count = 0;
      return out;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    if (ResourceLeakDetector.getLevel().ordinal() >= ResourceLeakDetector.Level.ADVANCED.ordinal()) {
      provokeReports();
    }
    int[] total = new int[1];
    List<String> reports = RECORDER.drain(total);
    if (total[0] > 0) {
      throw new AssertionError("Netty reported " + total[0] + " leaked buffer(s) during or before "
          + context.getDisplayName() + " (a ByteBuf or other reference-counted object was never"
          + " released):\n\n" + String.join("\n\n", reports));
    }
  }

  /** Attaches the recorder once, and makes sure the detector's errors are not switched off. */
  private static synchronized void install() {
    Logger detector = (Logger) LoggerFactory.getLogger(DETECTOR);
    if (detector.getAppender(Recorder.class.getName()) != null) {
      return;
    }
    if (!detector.isErrorEnabled()) {
      // Netty skips leak detection altogether when its logger drops errors.
      detector.setLevel(Level.ERROR);
    }
    RECORDER.setName(Recorder.class.getName());
    RECORDER.setContext(detector.getLoggerContext());
    RECORDER.start();
    detector.addAppender(RECORDER);
  }

  /**
   * Collects garbage and waits until the collected references have been queued (a sentinel of
   * the same collection is), then allocates tracked buffers: Netty checks its queue of collected,
   * unreleased buffers when it starts tracking a new one.
   */
  private static void provokeReports() throws InterruptedException {
    for (int round = 0; round < 2; round++) {
      ReferenceQueue<Object> queue = new ReferenceQueue<>();
      WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
      System.gc();
      queue.remove(2_000);
      sentinel.clear();
      for (int i = 0; i < 256; i++) {
        ByteBuf probe = PooledByteBufAllocator.DEFAULT.heapBuffer(1);
        probe.release();
      }
    }
  }
}
