package dev.lazaret.proxy.upstream;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * A JDK HTTP client built on its first request instead of at start-up. Building the first
 * client of a JVM loads the default TLS context and its trust store, 0.15-0.2 s of a start to
 * ready of about 1 s, which a server need not wait for before it can answer from its cache.
 */
final class LazyHttpClient implements AutoCloseable {

  private final Supplier<HttpClient> build;
  private HttpClient client; // guarded by this
  private boolean closed; // guarded by this

  LazyHttpClient(Supplier<HttpClient> build) {
    this.build = build;
  }

  /**
   * The client, built by the first call.
   *
   * @throws IOException once closed, as a closed JDK client fails a request
   */
  synchronized HttpClient get() throws IOException {
    if (closed) {
      throw new IOException("HTTP client closed");
    }
    if (client == null) {
      client = build.get();
    }
    return client;
  }

  /** Whether a request has built the client yet. */
  synchronized boolean built() {
    return client != null;
  }

  /** Closes the client if one was built (outside the lock: it waits for running exchanges). */
  @Override
  public void close() {
    HttpClient built;
    synchronized (this) {
      closed = true;
      built = client;
    }
    if (built != null) {
      built.close();
    }
  }
}
