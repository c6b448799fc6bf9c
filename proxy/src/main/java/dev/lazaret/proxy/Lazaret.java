package dev.lazaret.proxy;

import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.admin.AdminApi;
import dev.lazaret.proxy.cli.Version;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.console.ConsoleFiles;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.ops.OpsServices;
import dev.lazaret.proxy.quarantine.HoldCounts;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.quarantine.QuarantineSetup;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.server.BindFailure;
import dev.lazaret.proxy.server.RegistryServer;
import dev.lazaret.proxy.upstream.HttpUpstream;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import dev.lazaret.storage.StoreException;
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
  private final OpsServices ops;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private Lazaret(Settings settings, Storage storage, Registry registry, RegistryServer server,
      Optional<QuarantineService> quarantine, ExecutorService background, OpsServices ops) {
    this.settings = settings;
    this.storage = storage;
    this.registry = registry;
    this.server = server;
    this.quarantine = quarantine;
    this.background = background;
    this.ops = ops;
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

  /** One metered client per configured upstream, and the routes between them. */
  private static UpstreamRouter upstreams(Settings settings, OpsServices ops) {
    UpstreamRouter.Builder router = UpstreamRouter.builder(new NamedUpstream(
        UpstreamRoute.DEFAULT_NAME, client(settings, settings.upstream(), ops)));
    for (UpstreamRoute route : settings.routes()) {
      router.route(new NamedUpstream(route.name(), client(settings, route.url(), ops)),
          route.packages());
    }
    return router.build();
  }

  private static Upstream client(Settings settings, URI base, OpsServices ops) {
    return ops.metered(new HttpUpstream(base, settings.connectTimeout(),
        settings.responseTimeout(), "lazaret/" + Version.current()));
  }

  /** Starts with a given clock (tests inject one to move time). */
  public static Lazaret start(Settings settings, Clock clock) throws StartupException {
    Storage storage;
    try {
      storage = Storage.open(StorageOptions.defaults(settings.data().resolve("store")));
    } catch (StoreException e) {
      throw new StartupException(e.getMessage(), e);
    }
    // Operations first (metrics, access log, health, eviction, admin listener): every upstream
    // client is metered.
    OpsServices ops = new OpsServices(settings.operations(), settings.server(), storage);
    new ConsoleFiles().register(ops.adminRoutes());
    UpstreamRouter upstreams = upstreams(settings, ops);
    ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    Optional<QuarantineService> quarantine = settings.quarantine().enabled()
        ? Optional.of(QuarantineSetup.create(settings, storage, upstreams, clock, background))
        : Optional.empty();
    Policy policy = quarantine.<Policy>map(q -> q)
        .orElseGet(() -> QuarantineSetup.protectedNamesOnly(upstreams.protectedNames()));
    quarantine.ifPresent(q -> ops.metrics().gauge("lazaret_holds",
        "Versions the quarantine has recorded, by state", "state",
        () -> HoldCounts.byState(q.holds(), clock.instant())));
    Registry registry = new Registry(storage.packuments(), storage.removedVersions(),
        storage.tarballs(), upstreams, policy, clock, settings.packumentTtl(),
        settings.hotCacheBytes(), epochOf(quarantine));
    quarantine.ifPresent(q -> q.onChange(registry::invalidate));
    // The analyst API on the admin listener; holds and rules answer 404 without a quarantine.
    new AdminApi(settings.operations().adminAccess(), registry, quarantine, storage.auditLog(),
        clock).register(ops.adminRoutes());
    RegistryServer server;
    try {
      server = RegistryServer.start(settings.listen(), registry, settings.publicUrl(),
          ops.serverHooks(), settings.server());
    } catch (Exception e) {
      closeAll(registry, quarantine, background, ops, storage);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StartupException(bindFailure(settings, e), e);
    }
    try {
      ops.start();
    } catch (StartupException e) {
      server.close();
      closeAll(registry, quarantine, background, ops, storage);
      throw e;
    }
    Lazaret lazaret = new Lazaret(settings, storage, registry, server, quarantine, background,
        ops);
    log.info("Lazaret {} ready at {} (upstream {}{}, data {}, admin {}, quarantine {})",
        Version.current(), lazaret.url(), settings.upstream(),
        settings.routes().isEmpty() ? "" : ", routed: " + settings.routes().stream()
            .map(r -> r.name() + " " + r.packages()).toList(),
        settings.data(), lazaret.adminUrl(), quarantine.isPresent() ? "on" : "off");
    return lazaret;
  }

  /**
   * Releases everything but the registry port, in reverse order of use; the store last, once
   * nothing (eviction, judgements, lookups) can touch it. Used by {@link #close} and by a start
   * that failed after opening them.
   */
  private static void closeAll(Registry registry, Optional<QuarantineService> quarantine,
      ExecutorService background, OpsServices ops, Storage storage) {
    ops.close();
    registry.close();
    quarantine.ifPresent(QuarantineService::close);
    background.shutdownNow();
    storage.close();
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

  /** The registry as clients see it through this instance (tests use it for explanations). */
  public Registry registry() {
    return registry;
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
      ops.beginShutdown();
      server.shutdown(settings.shutdownGrace());
      closeAll(registry, quarantine, background, ops, storage);
      log.info("stopped");
    } finally {
      terminated.countDown();
    }
  }
}
