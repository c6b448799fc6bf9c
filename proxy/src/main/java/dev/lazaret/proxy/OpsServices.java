package dev.lazaret.proxy;

import dev.lazaret.proxy.admin.AdminResponse;
import dev.lazaret.proxy.admin.AdminRoutes;
import dev.lazaret.proxy.admin.AdminServer;
import dev.lazaret.proxy.config.Operations;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.config.ServerLimits;
import dev.lazaret.proxy.ops.AccessLog;
import dev.lazaret.proxy.ops.BatchingStdoutAppender;
import dev.lazaret.proxy.ops.MeteredUpstream;
import dev.lazaret.proxy.ops.Metrics;
import dev.lazaret.proxy.ops.OpsEndpoints;
import dev.lazaret.proxy.ops.Readiness;
import dev.lazaret.proxy.ops.RequestMetrics;
import dev.lazaret.proxy.ops.RequestRecorder;
import dev.lazaret.proxy.ops.StoreEvictor;
import dev.lazaret.proxy.ops.UpstreamHealth;
import dev.lazaret.proxy.ops.UpstreamMetrics;
import dev.lazaret.proxy.ops.UpstreamPinger;
import dev.lazaret.proxy.server.BindFailure;
import dev.lazaret.proxy.server.ListenerStats;
import dev.lazaret.proxy.server.ServerHooks;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.WriteFailure;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations side of one Lazaret, wired together: metrics, access log, readiness, upstream
 * health and pings, store eviction, and the admin listener serving them. Lifecycle: create,
 * wrap each upstream with {@link #metered}, hand {@link #serverHooks()} to the registry port,
 * {@link #start()}; on shutdown {@link #beginShutdown()} first, {@link #close()} after the
 * registry port has drained.
 */
public final class OpsServices implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpsServices.class);
  /** How often the store size is compared with the limit (one atomic read when under it). */
  public static final long EVICTION_CHECK_MILLIS = 1_000;
  /** How often upstreams are considered for a ping. */
  static final long PING_CHECK_MILLIS = 10_000;

  private final Operations settings;
  private final ServerLimits limits;
  private final ListenerStats registryStats = new ListenerStats();
  private final ListenerStats adminStats = new ListenerStats();
  private final Metrics metrics = new Metrics();
  private final UpstreamMetrics upstreamMetrics = new UpstreamMetrics(metrics);
  private final RequestRecorder recorder;
  private final Readiness readiness;
  private final OpsEndpoints endpoints;
  private final UpstreamPinger pinger = new UpstreamPinger();
  private final StoreEvictor evictor;
  private final AdminRoutes adminRoutes = new AdminRoutes();
  private ScheduledExecutorService scheduler;
  private AdminServer admin;

  /** Operations for {@code storage}, configured by {@code settings}; nothing runs yet. */
  public OpsServices(Operations settings, Storage storage) {
    this(settings, ServerLimits.defaults(), storage);
  }

  /**
   * Operations for {@code storage}, configured by {@code settings}, the admin listener limited
   * by {@code limits}; nothing runs yet.
   */
  public OpsServices(Operations settings, ServerLimits limits, Storage storage) {
    this.settings = settings;
    this.limits = limits;
    this.recorder = new RequestRecorder(new RequestMetrics(metrics),
        new AccessLog(settings.accessLog()));
    this.readiness = new Readiness(() -> storeProblem(storage),
        () -> storage.tarballs().storedBytes() > 0 || recorder.servedFromCache());
    this.endpoints = new OpsEndpoints(readiness, metrics);
    this.evictor = new StoreEvictor(storage.tarballs(), settings.storageMaxBytes(), metrics);
    metrics.gauge("lazaret_store_size_bytes",
        "Approximate bytes the store takes (files and unflushed writes)",
        storage::approximateSizeBytes);
    metrics.gauge("lazaret_store_tarball_bytes", "Bytes of committed tarballs",
        () -> storage.tarballs().storedBytes());
    metrics.gauge("lazaret_store_writes_failing",
        "1 while the store cannot write (disk full, read-only): cached content only, else 0",
        () -> storage.writeFailure().isPresent() ? 1 : 0);
    metrics.counter("lazaret_packument_versions_dropped_total",
        "Malformed versions left out of upstream packuments (each time one is indexed)",
        PackumentIndex::droppedVersionsTotal);
    metrics.counter("lazaret_access_log_dropped",
        "Access log lines dropped because they came faster than stdout took them",
        BatchingStdoutAppender::dropped);
    metrics.gauge("lazaret_ready", "1 while ready for traffic (see /-/ready), else 0",
        () -> readiness.check().ready() ? 1 : 0);
    ListenerMetrics.register(metrics, Map.of("registry", registryStats, "admin", adminStats));
    adminRoutes.get(OpsEndpoints.HEALTH, r -> AdminResponse.of(endpoints.health()))
        .get(OpsEndpoints.READY, r -> AdminResponse.of(endpoints.ready()))
        .get(OpsEndpoints.METRICS, r -> AdminResponse.of(endpoints.metrics()));
  }

  /** {@code upstream}, timed and counted, its outcomes feeding readiness and the pinger. */
  public MeteredUpstream metered(Upstream upstream) {
    UpstreamHealth health = new UpstreamHealth(UpstreamMetrics.label(upstream.base()),
        System::nanoTime);
    MeteredUpstream metered = new MeteredUpstream(upstream, upstreamMetrics, health);
    readiness.watch(health);
    pinger.watch(metered);
    return metered;
  }

  /**
   * Reports the quarantine state's reachability in {@code /-/ready} and as
   * {@code lazaret_state_reachable}.
   */
  public void watchState(java.util.function.BooleanSupplier reachable) {
    readiness.watchState(reachable);
    metrics.gauge("lazaret_state_reachable",
        "1 while the quarantine state (its database, when shared) answers, else 0",
        () -> reachable.getAsBoolean() ? 1 : 0);
  }

  /** What the registry port needs: request recording and the probe endpoints. */
  public ServerHooks serverHooks() {
    return new ServerHooks(recorder, endpoints, settings.metricsOnRegistryPort(), registryStats);
  }

  /** The metrics, to register more gauges (e.g. holds by state). */
  public Metrics metrics() {
    return metrics;
  }

  /** The admin route table; routes added before or after {@link #start()} are served. */
  public AdminRoutes adminRoutes() {
    return adminRoutes;
  }

  /**
   * Binds the admin listener and starts the background checks.
   *
   * @throws StartupException with a one-line message if the admin address cannot be bound
   */
  public void start() throws StartupException {
    InetSocketAddress listen = settings.adminListen();
    try {
      admin = AdminServer.start(listen, adminRoutes, limits, adminStats);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StartupException(BindFailure.describe("admin listener", listen, e), e);
    }
    scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon()
        .name("lazaret-ops-", 0).factory());
    if (evictor.enabled()) {
      scheduler.scheduleWithFixedDelay(this::evictQuietly, EVICTION_CHECK_MILLIS,
          EVICTION_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }
    scheduler.scheduleWithFixedDelay(this::pingQuietly, PING_CHECK_MILLIS, PING_CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Where the admin listener is bound (the real port even if 0 was asked for). */
  public InetSocketAddress adminAddress() {
    return admin.address();
  }

  /** From now on {@code /-/ready} answers 503, while in-flight requests finish. */
  public void beginShutdown() {
    readiness.beginShutdown();
  }

  /** Stops the background checks and the admin listener; idempotent. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        // An eviction in progress must end before the store closes.
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
    if (admin != null) {
      admin.close();
      admin = null;
    }
  }

  private void evictQuietly() {
    try {
      evictor.check();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep checking.
      log.warn("store eviction check failed", e);
    }
  }

  private void pingQuietly() {
    try {
      pinger.pingDue();
    } catch (RuntimeException e) {
      log.warn("upstream ping failed", e);
    }
  }

  /** {@code null} if the store answers and takes writes, else its complaint. */
  private static String storeProblem(Storage storage) {
    Optional<WriteFailure> writes = storage.writeFailure();
    if (writes.isPresent()) {
      return writes.get().describe();
    }
    try {
      storage.approximateSizeBytes();
      return null;
    } catch (StoreException e) {
      return e.getMessage();
    }
  }
}
