package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Advisories;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@link AdvisoryLookup} per upstream: a package's advisories are asked of the upstream that
 * serves it, so internal package names are never sent to the public registry.
 */
public final class RoutedAdvisories implements AdvisoryCheck, AutoCloseable {

  private final Map<String, AdvisoryLookup> byUpstream;

  /** Lookups keyed by upstream name. */
  public RoutedAdvisories(Map<String, AdvisoryLookup> byUpstream) {
    this.byUpstream = Map.copyOf(byUpstream);
  }

  @Override
  public Advisories check(String upstream, String packageName, List<String> versions) {
    AdvisoryLookup lookup = byUpstream.get(upstream);
    return lookup == null ? Advisories.skipped(Advisories.Skipped.Cause.NO_SERVICE,
        "no advisory service for upstream '" + upstream + "'")
        : lookup.lookup(packageName, versions);
  }

  /** Failed lookups so far, keyed by upstream name and kind of failure, for metrics. */
  public Map<List<String>, Long> failures() {
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    byUpstream.forEach((upstream, lookup) -> lookup.failures()
        .forEach((kind, n) -> counts.put(List.of(upstream, kind), n)));
    return counts;
  }

  /** Called with a package name when a late or refreshed answer changes its advisories. */
  public void onChange(Consumer<String> listener) {
    byUpstream.values().forEach(l -> l.onChange(listener));
  }

  @Override
  public void close() {
    byUpstream.values().forEach(AdvisoryLookup::close);
  }
}
