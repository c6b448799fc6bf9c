package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.ContentFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The version adds a dependency on a package that is itself new (created less than
 * {@link #NEW_DEPENDENCY_WINDOW} before this version was published), held by the quarantine, or
 * risky: event-stream 3.3.6 added flatmap-stream, created days earlier by a new account. A new
 * package in the same scope ({@code @babel/core} adding {@code @babel/helper-new}) is published
 * by the same organisation, often in the same release, and counts only if it is risky.
 */
public final class RiskyDependency implements Signal {

  /** A dependency created less than this before the version counts as new. */
  public static final Duration NEW_DEPENDENCY_WINDOW = Duration.ofDays(30);

  @Override
  public SignalId id() {
    return SignalId.RISKY_DEPENDENCY;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    var unavailable = NotInspected.check(id(), c);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    List<ContentFacts.AddedDependency> added = c.content().addedDependencies();
    if (added.isEmpty()) {
      return SignalResult.quiet(id(), "none", "The version adds no dependencies.");
    }
    String scope = scopeOf(c.packageFacts().name());
    List<String> risky = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ContentFacts.AddedDependency d : added) {
      String why = why(d, scope, c.asOf());
      if (why != null) {
        risky.add(d.name() + " (" + d.range() + "), " + why);
        names.add(d.name());
      }
    }
    List<String> all = added.stream().map(ContentFacts.AddedDependency::name).toList();
    if (risky.isEmpty()) {
      return SignalResult.quiet(id(), "none risky", "The dependencies it adds ("
          + String.join(", ", all) + ") are neither new, held nor risky.");
    }
    String one = risky.size() == 1 ? "a dependency" : "dependencies";
    return SignalResult.fired(id(), String.join(", ", names), "It adds " + one + " on "
        + FindingWords.and(risky) + ".", "adding a dependency on " + risky.getFirst());
  }

  /** Why {@code d} counts, as a phrase ("a package created 3 days before this version"). */
  private static String why(ContentFacts.AddedDependency d, String scope, Instant asOf) {
    if (d.risky()) {
      return "which the quarantine holds as risky";
    }
    if (scope != null && scope.equals(scopeOf(d.name()))) {
      return null;
    }
    if (d.created() != null) {
      Duration age = Duration.between(d.created(), asOf);
      if (age.isNegative()) {
        return "a package created after this version was published";
      }
      if (age.compareTo(NEW_DEPENDENCY_WINDOW) < 0) {
        return "a package created " + HumanDuration.format(age) + " before this version";
      }
    }
    return d.held() ? "which the quarantine holds" : null;
  }

  /** {@code @scope} of a scoped name, or null. */
  private static String scopeOf(String name) {
    int slash = name.indexOf('/');
    return name.startsWith("@") && slash > 0 ? name.substring(0, slash) : null;
  }
}
