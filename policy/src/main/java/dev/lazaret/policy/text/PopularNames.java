package dev.lazaret.policy.text;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names of widely used packages, against which new names are compared for typosquatting. A name
 * that is itself on the list is never a typosquat, even if it is close to another listed name
 * ({@code react-dom} and {@code react-dnd} are both real).
 */
public final class PopularNames {

  private static final String RESOURCE = "popular-packages.txt";

  private final Set<String> names;

  private PopularNames(Collection<String> names) {
    this.names = Set.copyOf(names);
  }

  /** The list shipped with Lazaret (provenance in docs/POLICY.md). */
  public static PopularNames bundled() {
    return Bundled.INSTANCE;
  }

  /** A list of one's own. */
  public static PopularNames of(Collection<String> names) {
    return new PopularNames(names);
  }

  /** Whether {@code name} is on the list. */
  public boolean contains(String name) {
    return names.contains(name);
  }

  /** How many names the list holds. */
  public int size() {
    return names.size();
  }

  /**
   * The listed name closest to {@code name} within {@code maxDistance} edits (ties broken
   * alphabetically, so the answer is deterministic), or empty if {@code name} is itself listed.
   */
  public Optional<Match> nearest(String name, int maxDistance) {
    if (names.contains(name)) {
      return Optional.empty();
    }
    Match best = null;
    for (String candidate : names) {
      int d = DamerauLevenshtein.distance(name, candidate, maxDistance);
      if (d <= maxDistance && (best == null || d < best.distance()
          || d == best.distance() && candidate.compareTo(best.name()) < 0)) {
        best = new Match(candidate, d);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A popular name near the one asked about.
   *
   * @param name     the popular name
   * @param distance the edit distance to it
   */
  public record Match(String name, int distance) {
  }

  /** Loads the bundled list on first use only. */
  private static final class Bundled {
    static final PopularNames INSTANCE = new PopularNames(List.copyOf(WordList.load(RESOURCE)));
  }
}
