package dev.lazaret.proxy.upstream;

import dev.lazaret.policy.ProtectedNames;
import dev.lazaret.proxy.npm.PackageName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the upstream for a package name. Names claimed by a routed upstream's patterns are
 * protected: they go to that upstream only and are never asked of any other, which is what stops
 * dependency confusion; every other name goes to the default upstream.
 */
public final class UpstreamRouter implements AutoCloseable {

  private final Map<String, NamedUpstream> byName;
  private final NamedUpstream fallback;
  private final ProtectedNames protectedNames;

  private UpstreamRouter(Map<String, NamedUpstream> byName, NamedUpstream fallback,
      ProtectedNames protectedNames) {
    this.byName = byName;
    this.fallback = fallback;
    this.protectedNames = protectedNames;
  }

  /** A router with only a default upstream. */
  public static UpstreamRouter single(NamedUpstream fallback) {
    return builder(fallback).build();
  }

  /** A builder whose unclaimed names go to {@code fallback}. */
  public static Builder builder(NamedUpstream fallback) {
    return new Builder(fallback);
  }

  /** The upstream that serves {@code name}. */
  public NamedUpstream route(PackageName name) {
    return protectedNames.upstreamFor(name.toString()).map(byName::get).orElse(fallback);
  }

  /** The default upstream: relays (search, audit) and every unclaimed name. */
  public NamedUpstream fallback() {
    return fallback;
  }

  /** The upstream configured as {@code name}, if any. */
  public Optional<NamedUpstream> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every upstream, routed ones first. */
  public List<NamedUpstream> all() {
    return List.copyOf(byName.values());
  }

  /** The names that only one upstream may serve, for the policy's protected-name check. */
  public ProtectedNames protectedNames() {
    return protectedNames;
  }

  @Override
  public void close() {
    byName.values().forEach(u -> u.client().close());
  }

  /** Builds an {@link UpstreamRouter}, one routed upstream at a time. */
  public static final class Builder {
    private final NamedUpstream fallback;
    private final List<NamedUpstream> routed = new ArrayList<>();
    private final ProtectedNames.Builder patterns = ProtectedNames.builder();

    private Builder(NamedUpstream fallback) {
      this.fallback = fallback;
    }

    /** Sends names matching any of {@code packages} to {@code upstream}, and only there. */
    public Builder route(NamedUpstream upstream, List<String> packages) {
      if (packages.isEmpty()) {
        throw new IllegalArgumentException("upstream '" + upstream.name() + "' claims no names");
      }
      routed.add(upstream);
      packages.forEach(p -> patterns.protect(p, upstream.name()));
      return this;
    }

    /** The router. */
    public UpstreamRouter build() {
      Map<String, NamedUpstream> byName = new LinkedHashMap<>();
      for (NamedUpstream u : routed) {
        if (byName.putIfAbsent(u.name(), u) != null || u.name().equals(fallback.name())) {
          throw new IllegalArgumentException("two upstreams are named '" + u.name() + "'");
        }
      }
      byName.put(fallback.name(), fallback);
      return new UpstreamRouter(byName, fallback, patterns.build());
    }
  }
}
