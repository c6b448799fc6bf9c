package dev.lazaret.proxy;

import dev.lazaret.proxy.config.Settings;
import java.net.URI;

/**
 * A running Lazaret: the store, the upstream client and the registry server, wired together.
 * {@link #start} returns once {@code GET /-/ping} answers; {@link #close} shuts down gracefully.
 */
public final class Lazaret implements AutoCloseable {

  private Lazaret() {
  }

  /**
   * Opens the store, binds the listener and starts serving.
   *
   * @throws StartupException with a one-line, operator-readable message (port in use, data
   *                          directory not writable, store locked by another process, ...)
   */
  public static Lazaret start(Settings settings) throws StartupException {
    throw new StartupException("not built yet");
  }

  /** The base URL the registry port answers at, e.g. {@code http://127.0.0.1:4873/}. */
  public URI url() {
    throw new UnsupportedOperationException();
  }

  /** The bound registry port (useful with port 0). */
  public int port() {
    throw new UnsupportedOperationException();
  }

  /** Blocks until {@link #close} has completed (from another thread, e.g. a shutdown hook). */
  public void awaitTermination() throws InterruptedException {
    throw new UnsupportedOperationException();
  }

  /**
   * Stops accepting connections, lets in-flight responses finish (bounded by the shutdown grace
   * setting), then flushes and closes the store. Idempotent.
   */
  @Override
  public void close() {
  }
}
