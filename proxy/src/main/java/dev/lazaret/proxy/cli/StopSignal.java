package dev.lazaret.proxy.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Makes SIGTERM a request to stop rather than the JVM's abrupt exit. The JVM's own handler runs
 * the shutdown hooks and then exits 143 (128 + 15) whatever they did, so a service manager sees a
 * clean, graceful stop as a failure; with this handler {@code serve} stops gracefully and returns
 * normally, and the process exits 0.
 */
final class StopSignal {

  private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

  private StopSignal() {
  }

  /**
   * Runs {@code stop} on a new thread when SIGTERM arrives. Returns false where the signal
   * cannot be handled (a JVM started with {@code -Xrs}, or a platform without it): the caller's
   * shutdown hook then still stops the server, with the JVM's exit code.
   */
  static boolean onTerm(Runnable stop) {
    try {
      // sun.misc.Signal (module jdk.unsupported) is the only way the JDK lets a program handle a
      // signal; it has been stable since Java 1.x and is kept for exactly this use.
      Signal.handle(new Signal("TERM"),
          signal -> Thread.ofPlatform().name("lazaret-sigterm").start(stop));
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      log.debug("SIGTERM cannot be handled here; the JVM's default applies", e);
      return false;
    }
  }
}
