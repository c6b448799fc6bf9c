package dev.lazaret.proxy.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.text.Moment;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.npm.PackumentRenderer;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.PackumentStore;
import dev.lazaret.storage.RecordSpace;
import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * The npm registry as Lazaret serves it: cached upstream metadata and tarballs, passed through
 * the policy. Every packument, manifest, dist-tag list and tarball a client gets comes through
 * here, which is what makes the policy gate the single place that decides what is visible.
 */
public final class Registry implements AutoCloseable {

  private final RemovedVersionLog removals;
  private final Clock clock;
  private final UpstreamRouter upstreams;
  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final PackumentService packuments;
  private final PolicyGate gate;
  private final ViewCache views;
  private final TarballService tarballs;
  private final Cache<Object, View> manifests;

  /**
   * Wires the registry.
   *
   * @param hotBytes    memory budget for hot snapshots, rendered views and small tarballs
   * @param policyEpoch changes whenever a decision or rule may change a verdict
   * @param absences    where the names the upstream answered 404 for are remembered
   */
  public Registry(PackumentStore packumentStore, RemovedVersionLog removals,
      TarballStore tarballStore, UpstreamRouter upstreams, Policy policy, Clock clock,
      Duration packumentTtl, long hotBytes, LongSupplier policyEpoch, RecordSpace absences) {
    this.removals = removals;
    this.upstreams = upstreams;
    this.clock = clock;
    // Shares of the hot budget: a quarter for parsed packuments (a packument that does not fit
    // is read from the store and parsed again on every request: 87 CPU-ms each for a 30 MiB
    // one when this share was an eighth), an eighth for small tarballs, a sixteenth for version
    // manifests, the rest for rendered views.
    this.packuments = new PackumentService(packumentStore, removals, upstreams, clock,
        packumentTtl, hotBytes / 4, blocking, new AbsentNames(absences));
    this.gate = new PolicyGate(policy, clock, policyEpoch, blocking);
    // Version manifests are weighed too: one may be up to PackumentIndex.MAX_VERSION_BYTES.
    this.manifests = Caffeine.newBuilder().maximumWeight(Math.max(1, hotBytes / 16))
        .weigher((Object k, View v) -> v.weight()).build();
    this.views = new ViewCache(hotBytes - hotBytes / 4 - hotBytes / 8 - hotBytes / 16, blocking);
    this.tarballs = new TarballService(tarballStore, upstreams, blocking, hotBytes / 8);
  }

  /** The default upstream, for endpoints relayed as they are (search, audit, keys). */
  public Upstream upstream() {
    return upstreams.fallback().client();
  }

  /**
   * Forgets the verdict on {@code packageName}, so the next request judges it again: called when
   * an analyst decides or late evidence arrives.
   */
  public void invalidate(String packageName) {
    gate.invalidate(packageName);
  }

  /** Fresh upstream documents refused as malformed as a whole (the last good copy kept). */
  public long malformedPackuments() {
    return packuments.malformedDocuments();
  }

  /** The executor for blocking work (store reads, upstream calls): virtual threads. */
  public ExecutorService blockingExecutor() {
    return blocking;
  }

  /** The packument, full or abbreviated, as clients at {@code baseUrl} may see it. */
  public CompletableFuture<Served> packument(PackageName name, boolean abbreviated, String baseUrl) {
    CompletableFuture<PackumentLookup> found = packuments.lookup(name);
    if (found.state() == Future.State.FAILED) {
      return failedAsIs(found);
    }
    return found.thenCompose(lookup -> gate.gate(lookup.snapshot())
        .thenCompose(gated -> views.acquire(visibleOrRefuse(name, gated), baseUrl, abbreviated))
        .thenApply(view -> new Served(view, lookup.status(), lookup.staleReason())));
  }

  /** One version's manifest, by version or dist-tag. */
  public CompletableFuture<Served> version(PackageName name, String spec, String baseUrl) {
    CompletableFuture<PackumentLookup> found = packuments.lookup(name);
    if (found.state() == Future.State.FAILED) {
      return failedAsIs(found);
    }
    return found.thenCompose(lookup -> gate.gate(lookup.snapshot())
        .thenApplyAsync(g -> versionView(name, spec, baseUrl, lookup, g), blocking));
  }

  private Served versionView(PackageName name, String spec, String baseUrl,
      PackumentLookup lookup, GatedPackument g) {
    Verdict exact = g.verdict().verdicts().get(spec);
    if (exact != null && !exact.allowed()) {
      // A direct request for a hidden version explains that version, not the whole package.
      throw g.refusal(name.toString(), spec, exact, clock.instant());
    }
    GatedPackument gated = visibleOrRefuse(name, g);
    PackumentIndex index = gated.snapshot().index();
    String version = gated.visible().distTags().getOrDefault(spec, spec);
    if (!index.versions().containsKey(version)) {
      if (index.distTags().containsKey(spec)) {
        // The tag exists upstream but points at a hidden version with nothing to fall back to.
        String hidden = index.distTags().get(spec);
        throw gated.refusal(name.toString(), hidden, gated.verdict().of(hidden),
            clock.instant());
      }
      throw new RegistryException.NotFound(notFoundMessage(name, version));
    }
    Verdict verdict = gated.verdict().of(version);
    if (!verdict.allowed()) {
      throw gated.refusal(name.toString(), version, verdict, clock.instant());
    }
    Object key = java.util.List.of(gated.snapshot().generation(), version, baseUrl);
    View view = manifests.get(key, k -> View.of(PackumentRenderer.renderVersion(index,
        gated.snapshot().cached().json(), version, baseUrl).orElseThrow()));
    // The manifests cache never gives its hold back (small views, left to the collector), so
    // this cannot fail; it pairs with the responder's release like every served view.
    if (!view.acquire()) {
      throw new IllegalStateException("manifest view of " + name + " freed while cached");
    }
    return new Served(view, lookup.status(), lookup.staleReason());
  }

  /**
   * The package as the policy judges it now, hidden versions included: for analysts'
   * explanations, never for clients.
   */
  public CompletableFuture<JudgedPackage> judged(PackageName name) {
    return packuments.lookup(name).thenCompose(lookup -> gate.gate(lookup.snapshot()))
        .thenApply(g -> new JudgedPackage(g.snapshot().index(), g.snapshot().cached().json(),
            g.verdict()));
  }

  /**
   * Which versions of {@code name} clients cannot have yet and until when, without the reasons
   * analysts see: for {@code GET /-/quarantine/{name}}.
   */
  public CompletableFuture<Served> quarantineStatus(PackageName name) {
    return packuments.lookup(name).thenCompose(lookup -> gate.gate(lookup.snapshot())
        .thenApply(g -> {
          try {
            return new Served(View.of(NpmJson.MAPPER.writeValueAsBytes(
                QuarantineStatus.of(g, clock.instant()))), lookup.status(),
                lookup.staleReason());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
  }

  /** The dist-tags clients see. */
  public CompletableFuture<Served> distTags(PackageName name) {
    return packuments.lookup(name).thenCompose(lookup -> gate.gate(lookup.snapshot())
        .thenApply(g -> tagsView(name, lookup, g)));
  }

  private Served tagsView(PackageName name, PackumentLookup lookup, GatedPackument g) {
    GatedPackument gated = visibleOrRefuse(name, g);
    ObjectNode tags = NpmJson.MAPPER.createObjectNode();
    gated.visible().distTags().forEach(tags::put);
    try {
      return new Served(View.of(NpmJson.MAPPER.writeValueAsBytes(tags)), lookup.status(),
          lookup.staleReason());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tarball {@code file} of package {@code name}, if the policy lets clients have it. */
  public CompletableFuture<TarballSource> tarball(PackageName name, String file) {
    return packuments.lookup(name).thenCompose(lookup -> {
      CompletableFuture<GatedPackument> judged = gate.gate(lookup.snapshot());
      if (!judged.isDone()) {
        // Judging may wait on lookups (advisories, publisher evidence): the tarball is fetched
        // meanwhile, so a cold request costs the slower of the two rather than their sum. A
        // version the verdict then refuses is stored, never served (its inspection reads it).
        prefetch(name, file, lookup.snapshot());
      }
      return judged;
    }).thenCompose(gated -> {
          VersionEntry entry = allowedTarball(name, file, gated);
          TarballSource held = tarballs.held(digestOf(name, entry));
          // Held in memory: answered without a thread hop; else the store or upstream, blocking.
          return held != null ? CompletableFuture.completedFuture(held)
              : CompletableFuture.supplyAsync(
                  () -> tarballs.open(name, entry, digestOf(name, entry)), blocking);
        });
  }

  /**
   * The verified tarball of {@code name@version} whatever the policy says about it: only for
   * the tarball inspector, which must read held versions; clients go through {@link #tarball}.
   * The bytes come from the store or one download checked against the packument's digest, and
   * are cached like any other tarball.
   */
  public CompletableFuture<TarballSource> tarballForInspection(PackageName name, String version) {
    return packuments.lookup(name).thenApplyAsync(lookup -> {
      VersionEntry entry = lookup.snapshot().index().versions().get(version);
      if (entry == null) {
        throw new RegistryException.NotFound("version '" + version + "' of '" + name
            + "' not found");
      }
      TarballSource held = tarballs.held(digestOf(name, entry));
      return held != null ? held : tarballs.open(name, entry, digestOf(name, entry));
    }, blocking);
  }

  private void prefetch(PackageName name, String file, PackumentSnapshot snapshot) {
    snapshot.index().byTarballFile(file).ifPresent(entry -> entry.digest().ifPresent(digest -> {
      try {
        blocking.execute(() -> tarballs.prefetch(name, entry, digest));
      } catch (RejectedExecutionException stopping) {
        // Shutting down: the request itself is answered (or refused) without the head start.
      }
    }));
  }

  private VersionEntry allowedTarball(PackageName name, String file, GatedPackument gated) {
    VersionEntry entry = gated.snapshot().index().byTarballFile(file)
        .orElseThrow(() -> new RegistryException.NotFound(tarballNotFound(name, file)));
    Verdict verdict = gated.verdict().of(entry.version());
    if (!verdict.allowed()) {
      throw gated.refusal(name.toString(), entry.version(), verdict, clock.instant());
    }
    return entry;
  }

  private static TarballDigest digestOf(PackageName name, VersionEntry entry) {
    return entry.digest().orElseThrow(() -> new RegistryException.UpstreamFailed(
        name + "@" + entry.version() + " has no integrity or shasum upstream; Lazaret cannot "
            + "verify it and does not serve it", false));
  }

  private GatedPackument visibleOrRefuse(PackageName name, GatedPackument gated) {
    PackumentIndex index = gated.snapshot().index();
    if (index.versions().isEmpty()) {
      throw new RegistryException.NotFound("package '" + name + "' has no versions upstream");
    }
    if (gated.visible().allowed().isEmpty()) {
      throw gated.refusal(name.toString(), clock.instant());
    }
    return gated;
  }

  private String notFoundMessage(PackageName name, String version) {
    for (RemovedVersion r : removals.forPackage(name.toString())) {
      if (r.version().equals(version)) {
        return name + "@" + version + " was removed from the upstream registry, noticed "
            + Moment.relative(r.removedAt(), clock.instant()) + "; Lazaret no longer serves it";
      }
    }
    return "version '" + version + "' of '" + name + "' not found";
  }

  private String tarballNotFound(PackageName name, String file) {
    String prefix = name.bare() + "-";
    if (file.startsWith(prefix) && file.endsWith(".tgz")) {
      String version = file.substring(prefix.length(), file.length() - ".tgz".length());
      return notFoundMessage(name, version);
    }
    return "tarball '" + file + "' of '" + name + "' not found";
  }

  /**
   * A lookup that failed at once (a remembered 404) fails the answer with its own exception.
   * Composed with thenCompose it would be wrapped in a new CompletionException: one stack trace
   * filled in per warm 404.
   */
  private static <T> CompletableFuture<T> failedAsIs(CompletableFuture<?> failed) {
    return CompletableFuture.failedFuture(failed.exceptionNow());
  }

  /** Unwraps the exception a future failed with. */
  public static Throwable cause(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    blocking.shutdownNow();
    upstreams.close();
  }
}
