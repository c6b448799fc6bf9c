package dev.lazaret.proxy.inspect;

import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.content.ContentFacts.AddedDependency;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.SemVer;
import dev.lazaret.proxy.npm.SemVerRange;
import dev.lazaret.proxy.registry.JudgedPackage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Looks up the dependencies a version adds as the quarantine judges them now: when each package
 * was created, and whether a version its range admits is held or risky. All lookups run at once
 * and share one deadline; one that has not answered by then is left unknown (it still lands in
 * the caches, for the next inspection).
 */
final class DependencyStandings implements ContentAnalysis.Dependencies {

  /** How long an inspection waits for the lookups of one version's added dependencies. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Function<PackageName, CompletableFuture<JudgedPackage>> judged;
  private final Duration timeout;

  /** Standings from {@code judged} (the registry's judged packages), waiting {@code timeout}. */
  DependencyStandings(Function<PackageName, CompletableFuture<JudgedPackage>> judged,
      Duration timeout) {
    this.judged = judged;
    this.timeout = timeout;
  }

  /** A dependency spec resolved to the registry package and range it installs. */
  private record Target(PackageName name, String range) {
  }

  @Override
  public Map<String, AddedDependency> standings(Map<String, String> added) {
    Map<String, CompletableFuture<JudgedPackage>> lookups = new LinkedHashMap<>();
    Map<String, Target> targets = new LinkedHashMap<>();
    added.forEach((name, spec) -> target(name, spec).ifPresent(t -> {
      targets.put(name, t);
      lookups.put(name, judged.apply(t.name()));
    }));
    try {
      CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Each lookup is read on its own below: the ones that answered still count.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, AddedDependency> out = new LinkedHashMap<>();
    lookups.forEach((name, lookup) -> {
      if (lookup.isDone() && !lookup.isCompletedExceptionally()) {
        out.put(name, standing(name, added.get(name), targets.get(name).range(), lookup.join()));
      }
    });
    return out;
  }

  /**
   * The registry package a spec installs: the dependency's own name with a range or tag, or the
   * package an {@code npm:} alias names. Git, URL, file and other specs install from no
   * registry: nothing to look up (the spec itself is in the facts for signals to read).
   */
  private static Optional<Target> target(String name, String spec) {
    String range = spec.trim();
    String packageName = name;
    if (range.startsWith("npm:")) {
      String aliased = range.substring(4);
      int at = aliased.indexOf('@', 1);
      packageName = at < 0 ? aliased : aliased.substring(0, at);
      range = at < 0 ? "*" : aliased.substring(at + 1);
    } else if (range.contains(":") || range.contains("/")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Target(PackageName.parse(packageName), range.isEmpty() ? "*"
          : range));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  private static AddedDependency standing(String name, String spec, String range,
      JudgedPackage pkg) {
    // Held means nothing the range admits can be installed yet (flatmap-stream's only versions
    // were new): a popular dependency whose newest release sits out its base cooldown is not.
    boolean held = true;
    boolean any = false;
    boolean risky = false;
    for (String version : matching(pkg, range)) {
      Verdict v = pkg.verdict().of(version);
      any = true;
      held &= v instanceof Verdict.Hold;
      risky |= v instanceof Verdict.Block || v instanceof Verdict.Hold h && h.flagged();
    }
    held &= any;
    return new AddedDependency(name, spec, pkg.index().created(), held, risky);
  }

  /**
   * The versions {@code range} admits: by semver, or the version a dist-tag names, or (a range
   * this code cannot read) the highest version.
   */
  private static List<String> matching(JudgedPackage pkg, String range) {
    Map<String, ?> versions = pkg.index().versions();
    Optional<SemVerRange> parsed = SemVerRange.tryParse(range, false);
    if (parsed.isPresent()) {
      List<String> out = new ArrayList<>();
      for (String v : versions.keySet()) {
        if (parsed.get().includes(v)) {
          out.add(v);
        }
      }
      return out;
    }
    String tagged = pkg.index().distTags().get(range);
    if (tagged != null && versions.containsKey(tagged)) {
      return List.of(tagged);
    }
    return versions.keySet().stream()
        .flatMap(v -> SemVer.parse(v).stream().map(s -> Map.entry(v, s)))
        .max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .map(e -> List.of(e.getKey())).orElse(List.of());
  }
}
