package dev.lazaret.proxy.npm;

import dev.lazaret.policy.PackageVerdict;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which versions of a package clients may see, and where the dist-tags point once the hidden
 * ones are gone: a tag whose version is hidden moves to the newest visible version below it of the
 * same kind (a {@code latest} never becomes a prerelease), or is dropped.
 *
 * @param allowed  visible versions, in packument order
 * @param distTags the dist-tags clients see
 */
public record VisibleVersions(Set<String> allowed, Map<String, String> distTags) {

  /** Copies both. */
  public VisibleVersions {
    allowed = Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
    distTags = Collections.unmodifiableMap(new LinkedHashMap<>(distTags));
  }

  /** Applies a verdict to an index. */
  public static VisibleVersions of(PackumentIndex index, PackageVerdict verdict) {
    Set<String> allowed = new LinkedHashSet<>();
    for (String v : index.versions().keySet()) {
      if (verdict.of(v).allowed()) {
        allowed.add(v);
      }
    }
    Map<String, String> tags = new LinkedHashMap<>();
    index.distTags().forEach((tag, version) -> {
      if (allowed.contains(version)) {
        tags.put(tag, version);
      } else {
        replacement(tag, version, allowed).ifPresent(r -> tags.put(tag, r));
      }
    });
    return new VisibleVersions(allowed, tags);
  }

  /** Whether nothing is hidden. */
  public boolean isEverything(PackumentIndex index) {
    return allowed.size() == index.versions().size();
  }

  private static Optional<String> replacement(String tag, String hidden, Set<String> allowed) {
    Optional<SemVer> target = SemVer.parse(hidden);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    boolean wantPrerelease = !tag.equals("latest") && target.get().isPrerelease();
    return allowed.stream()
        .flatMap(v -> SemVer.parse(v).map(s -> Map.entry(v, s)).stream())
        .filter(e -> e.getValue().compareTo(target.get()) < 0)
        .filter(e -> e.getValue().isPrerelease() == wantPrerelease)
        .max(Comparator.comparing(Map.Entry::getValue))
        .map(Map.Entry::getKey);
  }
}
