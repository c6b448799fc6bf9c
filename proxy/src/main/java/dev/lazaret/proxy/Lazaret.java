package dev.lazaret.proxy;

import dev.lazaret.policy.Policy;
import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.proxy.admin.AdminApi;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.inspect.ContentAnalysis;
import dev.lazaret.proxy.inspect.InspectionLimits;
import dev.lazaret.proxy.inspect.InspectionService;
import dev.lazaret.proxy.inspect.InspectionStore;
import dev.lazaret.proxy.inspect.TarballInspector;
import dev.lazaret.proxy.console.ConsoleFiles;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.ops.UpstreamMetrics;
import dev.lazaret.proxy.notify.WebhookNotifier;
import dev.lazaret.proxy.quarantine.FailClosedPolicy;
import dev.lazaret.proxy.quarantine.HoldGauge;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.quarantine.QuarantineSetup;
import dev.lazaret.proxy.quarantine.RemoteChanges;
import dev.lazaret.proxy.quarantine.StateBackend;
import dev.lazaret.proxy.quarantine.StateSetup;
import dev.lazaret.proxy.registry.BreakerUpstream;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.registry.UpstreamBreaker;
import dev.lazaret.proxy.server.BindFailure;
import dev.lazaret.proxy.server.RegistryServer;
import dev.lazaret.proxy.upstream.AllowedOrigins;
import dev.lazaret.proxy.upstream.BodyBudget;
import dev.lazaret.proxy.upstream.BodyLimits;
import dev.lazaret.proxy.upstream.HttpUpstream;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.PrintableUrl;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import dev.lazaret.storage.StoreException;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
  /** The system property the log pattern prints as the node's name. */
  static final String NODE_PROPERTY = "lazaret.node";

  private final Settings settings;
  private final Storage storage;
  private final Registry registry;
  private final RegistryServer server;
  private final Optional<QuarantineService> quarantine;
  private final StateBackend state;
  private final ExecutorService background;
  private final OpsServices ops;
  private final InspectionService inspections;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private Lazaret(Settings settings, Storage storage, Registry registry, RegistryServer server,
      Optional<QuarantineService> quarantine, StateBackend state, ExecutorService background,
      OpsServices ops, InspectionService inspections) {
    this.settings = settings;
    this.state = state;
    this.storage = storage;
    this.registry = registry;
    this.server = server;
    this.quarantine = quarantine;
    this.background = background;
    this.ops = ops;
    this.inspections = inspections;
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

  /**
   * One metered client per configured upstream, each behind its circuit breaker, and the routes
   * between them.
   */
  private static UpstreamRouter upstreams(Settings settings, OpsServices ops, Clock clock) {
    List<UpstreamBreaker> breakers = new ArrayList<>();
    UpstreamRoute fallback = UpstreamRoute.fallback(settings.upstream())
        .withTarballOrigins(settings.upstreamGuards().tarballOrigins());
    UpstreamRouter.Builder router = UpstreamRouter.builder(new NamedUpstream(
        UpstreamRoute.DEFAULT_NAME, client(settings, fallback, ops, clock, breakers)));
    for (UpstreamRoute route : settings.routes()) {
      router.route(new NamedUpstream(route.name(), client(settings, route, ops, clock, breakers)),
          route.packages());
    }
    ops.metrics().gauge("lazaret_upstream_breaker_open",
        "1 while Lazaret does not ask an upstream that keeps failing (circuit breaker open)",
        "upstream", () -> openBreakers(breakers));
    return router.build();
  }

  private static Upstream client(Settings settings, UpstreamRoute route, OpsServices ops,
      Clock clock, List<UpstreamBreaker> breakers) {
    UpstreamBreaker breaker = new UpstreamBreaker(UpstreamMetrics.label(route.url()), clock);
    breakers.add(breaker);
    return new BreakerUpstream(ops.metered(new HttpUpstream(route.url(),
        settings.connectTimeout(), settings.responseTimeout(), "lazaret/" + Version.current(),
        AllowedOrigins.of(route.name(), route.url(), route.tarballOrigins(),
            route.howToAllowOrigins()),
        BodyLimits.withMaxPackument(settings.upstreamGuards().maxPackumentBytes()))), breaker);
  }

  private static Map<String, Integer> openBreakers(List<UpstreamBreaker> breakers) {
    Map<String, Integer> open = new TreeMap<>();
    for (UpstreamBreaker b : breakers) {
      open.merge(b.upstream(), b.isOpen() ? 1 : 0, Math::max);
    }
    return open;
  }

  /** Starts with a given clock (tests inject one to move time). */
  public static Lazaret start(Settings settings, Clock clock) throws StartupException {
    String node = settings.cluster().nodeName();
    // Read by the log pattern (%property{lazaret.node}): every line says which node wrote it.
    System.setProperty(NODE_PROPERTY, node);
    Storage storage;
    try {
      storage = Storage.open(StorageOptions.defaults(settings.data().resolve("store")));
    } catch (StoreException e) {
      throw new StartupException(e.getMessage(), e);
    }
    StateBackend state;
    try {
      state = StateSetup.open(settings.cluster(), storage);
    } catch (RuntimeException e) {
      storage.close();
      throw new StartupException(e.getMessage(), e);
    }
    // Operations first (metrics, access log, health, eviction, admin listener): every upstream
    // client is metered.
    OpsServices ops = new OpsServices(settings.operations(), settings.server(), storage);
    ops.metrics().gauge("lazaret_node_info", "This node's name (--node-name), always 1", "node",
        () -> Map.of(node, 1));
    ops.watchState(() -> state.state().reachable());
    ops.metrics().counter("lazaret_state_queries",
        "Calls that reached the quarantine state (with PostgreSQL: database round trips)",
        () -> state.state().queries());
    new ConsoleFiles().register(ops.adminRoutes());
    UpstreamRouter upstreams = upstreams(settings, ops, clock);
    ops.metrics().gauge("lazaret_upstream_buffered_bytes",
        "Bytes of upstream bodies being buffered now (packuments, relays), against a budget of"
            + " half the heap", () -> BodyBudget.processWide().inUse());
    ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    Optional<QuarantineService> quarantine = settings.quarantine().enabled()
        ? Optional.of(quarantine(settings, state, upstreams, clock, background))
        : Optional.empty();
    Policy policy = quarantine.<Policy>map(FailClosedPolicy::new)
        .orElseGet(() -> QuarantineSetup.protectedNamesOnly(upstreams.protectedNames()));
    quarantine.ifPresent(q -> ops.metrics().gauge("lazaret_holds",
        "Versions the quarantine has recorded, by state", "state",
        new HoldGauge(q.state(), clock)::byState));
    quarantine.ifPresent(q -> ops.metrics().counter("lazaret_advisory_lookup_failures",
        "Advisory lookups that failed, by upstream and kind (no-service: the upstream has none)",
        List.of("upstream", "kind"), () -> q.advisories().failures()));
    Registry registry = new Registry(storage.packuments(), state.removedVersions(),
        storage.tarballs(), upstreams, policy, clock, settings.packumentTtl(),
        settings.hotCacheBytes(), epochOf(quarantine), storage.records("absent"));
    CounterWithCallback.builder().name("lazaret_upstream_malformed_packuments_total")
        .help("Upstream packuments refused as malformed as a whole; the last good copy was kept")
        .callback(cb -> cb.call(registry.malformedPackuments()))
        .register(ops.metrics().registry());
    quarantine.ifPresent(q -> q.onChange(registry::invalidate));
    // Other nodes' decisions and rule changes (nothing is announced in the embedded mode).
    quarantine.ifPresent(q -> state.changes().start(new RemoteChanges(q)));
    quarantine.ifPresent(q -> ops.metrics().gauge("lazaret_state_writes_pending",
        "Hold records and publisher observations waiting to be written to the quarantine state",
        q::pendingWrites));
    quarantine.ifPresent(q -> ops.metrics().counter("lazaret_state_writes_dropped",
        "Hold records and publisher observations dropped (queue full); the next judgement"
            + " records them again", q::droppedWrites));
    // Every newly held version's tarball is inspected in the background, diffed and analysed;
    // the quarantine judges the package again with what was found, and holds new versions
    // until then.
    InspectionService inspections = new InspectionService(registry, new InspectionStore(
        storage.records("inspections"), storage.records("inspection-diffs"),
        storage.records("content-facts")),
        new TarballInspector(InspectionLimits.forHeap(Runtime.getRuntime().maxMemory())),
        new ContentAnalysis(new CodeScanner()::scan), background, inspectionConcurrency(), 256);
    quarantine.ifPresent(q -> {
      q.holds().onNewHold(inspections::held);
      q.useInspections(inspections);
      inspections.onInspected(q::inspected);
    });
    ops.metrics().counter("lazaret_inspections_dropped",
        "Tarball inspections not queued because the queue was full", inspections::dropped);
    ops.metrics().counter("lazaret_inspections_failed",
        "Tarball inspections that failed (tarball not fetched); retried when next explained",
        inspections::failed);
    // The analyst API on the admin listener; holds and rules answer 404 without a quarantine.
    new AdminApi(settings.operations().adminAccess(), registry, quarantine,
        state.state().audit(), clock, inspections).register(ops.adminRoutes());
    RegistryServer server;
    try {
      server = RegistryServer.start(settings.listen(), registry, settings.publicUrl(),
          ops.serverHooks(), settings.server());
    } catch (Exception e) {
      closeAll(registry, quarantine, state, background, ops, storage);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StartupException(bindFailure(settings, e), e);
    }
    try {
      ops.start();
    } catch (StartupException e) {
      server.close();
      closeAll(registry, quarantine, state, background, ops, storage);
      throw e;
    }
    Lazaret lazaret = new Lazaret(settings, storage, registry, server, quarantine, state,
        background, ops, inspections);
    log.info("Lazaret {} ready at {} (node {}, upstream {}{}, data {}, state {}, admin {},"
        + " quarantine {})",
        Version.current(), lazaret.url(), node, PrintableUrl.of(settings.upstream()),
        settings.routes().isEmpty() ? "" : ", routed: " + settings.routes().stream()
            .map(r -> r.name() + " " + r.packages()).toList(),
        settings.data(), settings.cluster().state().map(PrintableUrl::of).orElse("embedded"),
        lazaret.adminUrl(), quarantine.isPresent() ? "on" : "off");
    return lazaret;
  }

  /** The quarantine over {@code state}, its webhooks told about new holds and decisions. */
  private static QuarantineService quarantine(Settings settings, StateBackend state,
      UpstreamRouter upstreams, Clock clock, ExecutorService background) {
    WebhookNotifier notifier = new WebhookNotifier(settings.webhooks());
    QuarantineService q = QuarantineSetup.create(settings, state.state(), upstreams, clock,
        background, notifier, "lazaret/" + Version.current());
    q.holds().onNewHold(notifier::held);
    q.decisions().onDecision(notifier::decided);
    return q;
  }

  /**
   * Releases everything but the registry port, in reverse order of use; the store last, once
   * nothing (eviction, judgements, lookups) can touch it. Used by {@link #close} and by a start
   * that failed after opening them.
   */
  private static void closeAll(Registry registry, Optional<QuarantineService> quarantine,
      StateBackend state, ExecutorService background, OpsServices ops, Storage storage) {
    ops.close();
    state.changes().close();
    registry.close();
    quarantine.ifPresent(QuarantineService::close);
    background.shutdownNow();
    state.close();
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

  /** The tarball inspections (tests wait on {@link InspectionService#idle}). */
  public InspectionService inspections() {
    return inspections;
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
      // Past the grace, the registry's blocking work (upstream calls) is interrupted while the
      // loops can still send its 502s; a stopped loop would reject them with a stack trace.
      server.shutdown(settings.shutdownGrace(), registry::close);
      closeAll(registry, quarantine, state, background, ops, storage);
      log.info("stopped");
    } finally {
      terminated.countDown();
    }
  }

  /**
   * Tarball inspections at a time: two, or one on a heap under 512 MiB (the launcher's default
   * is 160 MiB). One inspection may hold tens of MiB for a short while (two tarballs' texts and
   * an install-time file being decoded; see {@link InspectionLimits#forHeap}), and a hostile
   * release can make every one of them that large.
   */
  static int inspectionConcurrency() {
    return Runtime.getRuntime().maxMemory() < (512L << 20) ? 1 : 2;
  }
}
