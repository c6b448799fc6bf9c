package dev.lazaret.policy.signal;

import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package's versions in publish order, with what each signal needs about "earlier" computed
 * once: judging a package with thousands of versions stays linear, not quadratic.
 */
public final class PackageHistory {

  private final PackageFacts facts;
  private final List<VersionFacts> ordered;
  private final Map<String, Integer> position = new HashMap<>();
  private final Map<String, Instant> firstPublishBy = new HashMap<>();
  private final int[] maxMajorBefore;
  private final boolean[] provenanceBefore;
  /** Per version: where the unbroken run of versions with its install hooks starts. */
  private final int[] hooksRunStart;
  /** Per version: where the unbroken run of versions with its provenance (or none) starts. */
  private final int[] provenanceRunStart;

  private PackageHistory(PackageFacts facts) {
    this.facts = facts;
    // Publish order; versions without a time keep packument order, ahead of timed ones.
    List<VersionFacts> sorted = new ArrayList<>(facts.versions());
    sorted.sort(Comparator.comparing(VersionFacts::publishedAt,
        Comparator.nullsFirst(Comparator.naturalOrder())));
    this.ordered = List.copyOf(sorted);
    this.maxMajorBefore = new int[ordered.size()];
    this.provenanceBefore = new boolean[ordered.size()];
    this.hooksRunStart = new int[ordered.size()];
    this.provenanceRunStart = new int[ordered.size()];
    int maxMajor = -1;
    boolean provenance = false;
    for (int i = 0; i < ordered.size(); i++) {
      VersionFacts v = ordered.get(i);
      position.putIfAbsent(v.version(), i);
      maxMajorBefore[i] = maxMajor;
      provenanceBefore[i] = provenance;
      VersionFacts before = i > 0 ? ordered.get(i - 1) : null;
      hooksRunStart[i] = before != null && before.installScripts().equals(v.installScripts())
          ? hooksRunStart[i - 1] : i;
      provenanceRunStart[i] = before != null && before.provenance() == v.provenance()
          ? provenanceRunStart[i - 1] : i;
      maxMajor = Math.max(maxMajor, VersionNumber.major(v.version()).orElse(-1));
      provenance |= v.provenance();
      if (v.publisher() != null && v.publishedAt() != null) {
        firstPublishBy.merge(v.publisher(), v.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
  }

  /** The history of {@code facts}. */
  public static PackageHistory of(PackageFacts facts) {
    return new PackageHistory(facts);
  }

  /** The package facts. */
  public PackageFacts facts() {
    return facts;
  }

  /** The versions in publish order. */
  public List<VersionFacts> ordered() {
    return ordered;
  }

  /** The version published just before {@code v}, if any. */
  public Optional<VersionFacts> previous(VersionFacts v) {
    int i = indexOf(v);
    return i > 0 ? Optional.of(ordered.get(i - 1)) : Optional.empty();
  }

  /** Whether {@code v} is the first version published. */
  public boolean isFirst(VersionFacts v) {
    return indexOf(v) == 0;
  }

  /** The highest major of the versions published before {@code v}, or -1 if none. */
  public int maxMajorBefore(VersionFacts v) {
    return maxMajorBefore[indexOf(v)];
  }

  /** Whether any version published before {@code v} had provenance. */
  public boolean provenanceBefore(VersionFacts v) {
    return provenanceBefore[indexOf(v)];
  }

  /**
   * The versions just before {@code v}, oldest first, that had exactly its install hooks: the
   * unbroken run it continues (empty if the previous version had other hooks).
   */
  public List<VersionFacts> sameInstallHooksBefore(VersionFacts v) {
    int i = indexOf(v);
    return ordered.subList(hooksRunStart[i], i);
  }

  /**
   * The versions just before {@code v}, oldest first, that had provenance exactly when it does:
   * the unbroken run it continues.
   */
  public List<VersionFacts> sameProvenanceBefore(VersionFacts v) {
    int i = indexOf(v);
    return ordered.subList(provenanceRunStart[i], i);
  }

  /** The first time {@code publisher} published a version of this package, if ever. */
  public Optional<Instant> firstPublishBy(String publisher) {
    return Optional.ofNullable(publisher == null ? null : firstPublishBy.get(publisher));
  }

  /** {@code time.created}, or else the earliest version's publish time, if any. */
  public Optional<Instant> created() {
    if (facts.created() != null) {
      return Optional.of(facts.created());
    }
    return ordered.stream().map(VersionFacts::publishedAt).filter(t -> t != null).findFirst();
  }

  /** The position of {@code v} in publish order, from 0. */
  public int indexOf(VersionFacts v) {
    Integer i = position.get(v.version());
    if (i == null) {
      throw new IllegalArgumentException("version " + v.version() + " is not in "
          + facts.name());
    }
    return i;
  }
}
