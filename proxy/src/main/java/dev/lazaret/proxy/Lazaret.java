package dev.lazaret.proxy;

import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.cli.Version;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.quarantine.QuarantineSetup;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.server.RegistryServer;
import dev.lazaret.proxy.upstream.HttpUpstream;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import dev.lazaret.storage.StoreException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
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
  private final Optional<QuarantineService> quarantine;
  private final ExecutorService background;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private Lazaret(Settings settings, Storage storage, Registry registry, RegistryServer server,
      Optional<QuarantineService> quarantine, ExecutorService background) {
    this.settings = settings;
    this.storage = storage;
    this.registry = registry;
    this.server = server;
    this.quarantine = quarantine;
    this.background = background;
  }

  /**
   * Opens the store, binds the listener and starts serving.
   *
   * @throws StartupException with a one-line, operator-readable message (port in use, data
   *                          directory not writable, store locked by another process, ...)
   */
  public static Lazaret start(Settings settings) throws StartupException {
    return start(settings, Clock.systemUTC());
  }

  /** The policy epoch, read on every request: no allocation, no indirection when off. */
  private static LongSupplier epochOf(Optional<QuarantineService> quarantine) {
    if (quarantine.isEmpty()) {
      return () -> 0L;
    }
    QuarantineService q = quarantine.get();
    return q::epoch;
  }

  /** One client per configured upstream, and the routes between them. */
  private static UpstreamRouter upstreams(Settings settings) {
    UpstreamRouter.Builder router = UpstreamRouter.builder(new NamedUpstream(
        UpstreamRoute.DEFAULT_NAME, client(settings, settings.upstream())));
    for (UpstreamRoute route : settings.routes()) {
      router.route(new NamedUpstream(route.name(), client(settings, route.url())),
          route.packages());
    }
    return router.build();
  }

  private static Upstream client(Settings settings, URI base) {
    return new HttpUpstream(base, settings.connectTimeout(), settings.responseTimeout(),
        "lazaret/" + Version.current());
  }

  /** Starts with a given clock (tests inject one to move time). */
  public static Lazaret start(Settings settings, Clock clock) throws StartupException {
    Storage storage;
    try {
      storage = Storage.open(StorageOptions.defaults(settings.data().resolve("store")));
    } catch (StoreException e) {
      throw new StartupException(e.getMessage(), e);
    }
    UpstreamRouter upstreams = upstreams(settings);
    ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    Optional<QuarantineService> quarantine = settings.quarantine().enabled()
        ? Optional.of(QuarantineSetup.create(settings, storage, upstreams, clock, background))
        : Optional.empty();
    Policy policy = quarantine.<Policy>map(q -> q)
        .orElseGet(() -> QuarantineSetup.protectedNamesOnly(upstreams.protectedNames()));
    Registry registry = new Registry(storage.packuments(), storage.removedVersions(),
        storage.tarballs(), upstreams, policy, clock, settings.packumentTtl(),
        settings.hotCacheBytes(), epochOf(quarantine));
    quarantine.ifPresent(q -> q.onChange(registry::invalidate));
    RegistryServer server;
    try {
      server = RegistryServer.start(settings.listen(), registry, settings.publicUrl());
    } catch (Exception e) {
      registry.close();
      quarantine.ifPresent(QuarantineService::close);
      background.shutdownNow();
      storage.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StartupException(bindFailure(settings, e), e);
    }
    Lazaret lazaret = new Lazaret(settings, storage, registry, server, quarantine, background);
    log.info("Lazaret {} ready at {} (upstream {}, data {})", Version.current(), lazaret.url(),
        settings.upstream(), settings.data());
    return lazaret;
  }

  private static String bindFailure(Settings settings, Exception e) {
    String where = settings.listen().getHostString() + ":" + settings.listen().getPort();
    if (e instanceof BindException || e.getCause() instanceof BindException
        || String.valueOf(e.getMessage()).contains("Address already in use")) {
      return "cannot listen on " + where + ": address already in use";
    }
    return "cannot listen on " + where + ": " + e.getMessage();
  }

  /** The base URL the registry port answers at, e.g. {@code http://127.0.0.1:4873/}. */
  public URI url() {
    var a = server.address();
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

  /** The quarantine, unless it is switched off. */
  public Optional<QuarantineService> quarantine() {
    return quarantine;
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
      server.shutdown(settings.shutdownGrace());
      registry.close();
      quarantine.ifPresent(QuarantineService::close);
      background.shutdownNow();
      storage.close();
      log.info("stopped");
    } finally {
      terminated.countDown();
    }
  }
}
