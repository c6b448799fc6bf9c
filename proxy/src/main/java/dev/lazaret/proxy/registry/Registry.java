package dev.lazaret.proxy.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.npm.PackumentRenderer;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.storage.PackumentStore;
import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import dev.lazaret.storage.TarballStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The npm registry as Lazaret serves it: cached upstream metadata and tarballs, passed through
 * the policy. Every packument, manifest, dist-tag list and tarball a client gets comes through
 * here, which is what makes the policy gate the single place that decides what is visible.
 */
public final class Registry implements AutoCloseable {

  private final RemovedVersionLog removals;
  private final Upstream upstream;
  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final PackumentService packuments;
  private final PolicyGate gate;
  private final ViewCache views;
  private final TarballService tarballs;
  private final Cache<Object, View> manifests = Caffeine.newBuilder().maximumSize(10_000).build();

  /**
   * Wires the registry.
   *
   * @param hotBytes    heap budget for hot snapshots and rendered views
   * @param policyEpoch changes whenever a decision or rule may change a verdict
   */
  public Registry(PackumentStore packumentStore, RemovedVersionLog removals,
      TarballStore tarballStore, Upstream upstream, Policy policy, Clock clock,
      Duration packumentTtl, long hotBytes, LongSupplier policyEpoch) {
    this.removals = removals;
    this.upstream = upstream;
    this.packuments = new PackumentService(packumentStore, removals, upstream, clock,
        packumentTtl, hotBytes / 8, blocking);
    this.gate = new PolicyGate(policy, clock, policyEpoch);
    this.views = new ViewCache(hotBytes - hotBytes / 8, blocking);
    this.tarballs = new TarballService(tarballStore, upstream, blocking);
  }

  /** The upstream, for endpoints relayed as they are. */
  public Upstream upstream() {
    return upstream;
  }

  /** The executor for blocking work (store reads, upstream calls): virtual threads. */
  public ExecutorService blockingExecutor() {
    return blocking;
  }

  /** The packument, full or abbreviated, as clients at {@code baseUrl} may see it. */
  public CompletableFuture<Served> packument(PackageName name, boolean abbreviated, String baseUrl) {
    return packuments.lookup(name).thenCompose(lookup -> {
      GatedPackument gated = visibleOrRefuse(name, gate.gate(lookup.snapshot()));
      return views.views(gated, baseUrl).thenApply(v -> new Served(
          abbreviated ? v.abbreviated() : v.full(), lookup.status(), lookup.staleReason()));
    });
  }

  /** One version's manifest, by version or dist-tag. */
  public CompletableFuture<Served> version(PackageName name, String spec, String baseUrl) {
    return packuments.lookup(name).thenApplyAsync(lookup -> {
      GatedPackument gated = visibleOrRefuse(name, gate.gate(lookup.snapshot()));
      PackumentIndex index = gated.snapshot().index();
      String version = gated.visible().distTags().getOrDefault(spec, spec);
      if (!index.versions().containsKey(version)) {
        if (index.distTags().containsKey(spec)) {
          // The tag exists upstream but points at a hidden version with nothing to fall back to.
          throw new RegistryException.Refused(Refusals.version(name.toString(),
              index.distTags().get(spec), gated.verdict().of(index.distTags().get(spec))));
        }
        throw new RegistryException.NotFound(notFoundMessage(name, version));
      }
      Verdict verdict = gated.verdict().of(version);
      if (!verdict.allowed()) {
        throw new RegistryException.Refused(Refusals.version(name.toString(), version, verdict));
      }
      Object key = java.util.List.of(gated.snapshot().generation(), version, baseUrl);
      View view = manifests.get(key, k -> View.of(PackumentRenderer.renderVersion(index,
          gated.snapshot().cached().json(), version, baseUrl).orElseThrow()));
      return new Served(view, lookup.status(), lookup.staleReason());
    }, blocking);
  }

  /** The dist-tags clients see. */
  public CompletableFuture<Served> distTags(PackageName name) {
    return packuments.lookup(name).thenApply(lookup -> {
      GatedPackument gated = visibleOrRefuse(name, gate.gate(lookup.snapshot()));
      ObjectNode tags = NpmJson.MAPPER.createObjectNode();
      gated.visible().distTags().forEach(tags::put);
      try {
        return new Served(View.of(NpmJson.MAPPER.writeValueAsBytes(tags)), lookup.status(),
            lookup.staleReason());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The tarball {@code file} of package {@code name}, if the policy lets clients have it. */
  public CompletableFuture<TarballSource> tarball(PackageName name, String file) {
    return packuments.lookup(name).thenApplyAsync(lookup -> {
      GatedPackument gated = gate.gate(lookup.snapshot());
      VersionEntry entry = gated.snapshot().index().byTarballFile(file)
          .orElseThrow(() -> new RegistryException.NotFound(tarballNotFound(name, file)));
      Verdict verdict = gated.verdict().of(entry.version());
      if (!verdict.allowed()) {
        throw new RegistryException.Refused(
            Refusals.version(name.toString(), entry.version(), verdict));
      }
      var digest = entry.digest().orElseThrow(() -> new RegistryException.UpstreamFailed(
          name + "@" + entry.version() + " has no integrity or shasum upstream; Lazaret cannot "
              + "verify it and does not serve it", false));
      return tarballs.open(name, entry, digest);
    }, blocking);
  }

  private GatedPackument visibleOrRefuse(PackageName name, GatedPackument gated) {
    PackumentIndex index = gated.snapshot().index();
    if (index.versions().isEmpty()) {
      throw new RegistryException.NotFound("package '" + name + "' has no versions upstream");
    }
    if (gated.visible().allowed().isEmpty()) {
      String newest = index.versions().keySet().stream().reduce((a, b) -> b).orElseThrow();
      throw new RegistryException.Refused(Refusals.wholePackage(name.toString(),
          Refusals.version(name.toString(), newest, gated.verdict().of(newest))));
    }
    return gated;
  }

  private String notFoundMessage(PackageName name, String version) {
    for (RemovedVersion r : removals.forPackage(name.toString())) {
      if (r.version().equals(version)) {
        return name + "@" + version + " was removed from the upstream registry (noticed "
            + Refusals.at(r.removedAt()) + "); Lazaret no longer serves it";
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
    upstream.close();
  }
}
