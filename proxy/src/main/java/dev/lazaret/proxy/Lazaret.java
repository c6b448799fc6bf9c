package dev.lazaret.proxy;

import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.cli.Version;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.ops.OpsServices;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.server.BindFailure;
import dev.lazaret.proxy.server.RegistryServer;
import dev.lazaret.proxy.upstream.HttpUpstream;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import dev.lazaret.storage.StoreException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Lazaret: the store, the upstream client and the registry server, wired together.
 * {@link #start} returns once {@code GET /-/ping} answers; {@link #close} shuts down gracefully.
 */
public final class Lazaret implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Lazaret.class);

  private final Settings settings;
  private final Storage storage;
  private final Registry registry;
  private final RegistryServer server;
  private final OpsServices ops;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private Lazaret(Settings settings, Storage storage, Registry registry, RegistryServer server,
      OpsServices ops) {
    this.settings = settings;
    this.storage = storage;
    this.registry = registry;
    this.server = server;
    this.ops = ops;
  }

  /**
   * Opens the store, binds the listener and starts serving.
   *
   * @throws StartupException with a one-line, operator-readable message (port in use, data
   *                          directory not writable, store locked by another process, ...)
   */
  public static Lazaret start(Settings settings) throws StartupException {
    return start(settings, Policy.allowAll(), Clock.systemUTC());
  }

  /** Starts with a given policy and clock (tests inject both). */
  public static Lazaret start(Settings settings, Policy policy, Clock clock)
      throws StartupException {
    Storage storage;
    try {
      storage = Storage.open(StorageOptions.defaults(settings.data().resolve("store")));
    } catch (StoreException e) {
      throw new StartupException(e.getMessage(), e);
    }
    // Operations: metrics, access log, health, eviction, admin listener. Wrap every upstream.
    OpsServices ops = new OpsServices(settings.operations(), storage);
    Upstream upstream = ops.metered(new HttpUpstream(settings.upstream(),
        settings.connectTimeout(), settings.responseTimeout(), "lazaret/" + Version.current()));
    Registry registry = new Registry(storage.packuments(), storage.removedVersions(),
        storage.tarballs(), upstream, policy, clock, settings.packumentTtl(),
        settings.hotCacheBytes(), () -> 0L);
    RegistryServer server;
    try {
      server = RegistryServer.start(settings.listen(), registry, settings.publicUrl(),
          ops.serverHooks());
    } catch (Exception e) {
      registry.close();
      storage.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StartupException(bindFailure(settings, e), e);
    }
    try {
      ops.start();
    } catch (StartupException e) {
      server.close();
      registry.close();
      storage.close();
      throw e;
    }
    Lazaret lazaret = new Lazaret(settings, storage, registry, server, ops);
    log.info("Lazaret {} ready at {} (upstream {}, data {}, admin {})", Version.current(),
        lazaret.url(), settings.upstream(), settings.data(), lazaret.adminUrl());
    return lazaret;
  }

  private static String bindFailure(Settings settings, Exception e) {
    return BindFailure.describe(null, settings.listen(), e);
  }

  /** The base URL the registry port answers at, e.g. {@code http://127.0.0.1:4873/}. */
  public URI url() {
    return baseUrl(server.address());
  }

  /** The admin listener's base URL (metrics, health, readiness), ending with {@code /}. */
  public URI adminUrl() {
    return baseUrl(ops.adminAddress());
  }

  private static URI baseUrl(java.net.InetSocketAddress a) {
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  /** The bound registry port (useful with port 0). */
  public int port() {
    return server.address().getPort();
  }

  /** Blocks until {@link #close} has completed (from another thread, e.g. a shutdown hook). */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /**
   * Stops accepting connections, lets in-flight responses finish (bounded by the shutdown grace
   * setting), then flushes and closes the store. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      log.info("shutting down");
      ops.beginShutdown();
      server.shutdown(settings.shutdownGrace());
      ops.close();
      registry.close();
      storage.close();
      log.info("stopped");
    } finally {
      terminated.countDown();
    }
  }
}
