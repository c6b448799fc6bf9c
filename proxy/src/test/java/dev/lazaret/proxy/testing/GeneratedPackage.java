package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A generated npm package: its versions in publish order, dist-tags, maintainers and the
 * {@code created}/{@code modified} times. Immutable; {@link #mergedWith} and
 * {@link #withoutVersion} return new packages, which is how a fake registry publishes and
 * unpublishes at runtime.
 */
public record GeneratedPackage(
    String name,
    String description,
    Map<String, GeneratedVersion> versions,
    Map<String, String> distTags,
    List<Person> maintainers,
    Instant created,
    Instant modified) {

  public GeneratedPackage {
    versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    distTags = Collections.unmodifiableMap(new LinkedHashMap<>(distTags));
    maintainers = List.copyOf(maintainers);
    for (Map.Entry<String, String> tag : distTags.entrySet()) {
      if (!versions.containsKey(tag.getValue())) {
        throw new IllegalArgumentException("dist-tag " + tag.getKey() + " of " + name
            + " points at " + tag.getValue() + ", which is not among " + versions.keySet());
      }
    }
  }

  /** The scope without {@code @}, if the name is scoped. */
  public Optional<String> scope() {
    return name.startsWith("@") ? Optional.of(name.substring(1, name.indexOf('/')))
        : Optional.empty();
  }

  /** The name as npm puts it in a URL path: {@code @scope%2fname} for scoped names. */
  public String escapedName() {
    return name.replace("/", "%2f");
  }

  /** One version; throws if it was never published (or was unpublished). */
  public GeneratedVersion version(String version) {
    GeneratedVersion found = versions.get(version);
    if (found == null) {
      throw new NoSuchElementException(name + "@" + version + " not among " + versions.keySet());
    }
    return found;
  }

  /** The version {@code latest} points at. */
  public GeneratedVersion latest() {
    return version(distTags.get("latest"));
  }

  /** The {@code time} map of the packument: created, modified, then one entry per version. */
  public Map<String, Instant> time() {
    Map<String, Instant> time = new LinkedHashMap<>();
    time.put("created", created);
    time.put("modified", modified);
    versions.values().forEach(v -> time.put(v.version(), v.publishedAt()));
    return time;
  }

  /** The full packument as a registry at {@code base} would serve it. */
  public ObjectNode packument(URI base) {
    return Packuments.full(this, base);
  }

  /**
   * This package after {@code newer} was published on top of it: versions and dist-tags of
   * {@code newer} win, {@code created} stays, {@code modified} is the later of the two.
   */
  public GeneratedPackage mergedWith(GeneratedPackage newer) {
    if (!newer.name.equals(name)) {
      throw new IllegalArgumentException("cannot merge " + newer.name + " into " + name);
    }
    Map<String, GeneratedVersion> mergedVersions = new LinkedHashMap<>(versions);
    newer.versions.forEach((v, doc) -> {
      mergedVersions.remove(v); // a republished version moves to the end, like its new time
      mergedVersions.put(v, doc);
    });
    Map<String, String> mergedTags = new LinkedHashMap<>(distTags);
    mergedTags.putAll(newer.distTags);
    Instant lastChange = modified.isAfter(newer.modified) ? modified : newer.modified;
    return new GeneratedPackage(name, newer.description, mergedVersions, mergedTags,
        newer.maintainers, created, lastChange);
  }

  /**
   * This package with one version removed; tags that pointed at it are dropped, and
   * {@code latest} moves to the highest remaining release.
   */
  public GeneratedPackage withoutVersion(String version, Instant when) {
    version(version);
    Map<String, GeneratedVersion> remaining = new LinkedHashMap<>(versions);
    remaining.remove(version);
    if (remaining.isEmpty()) {
      throw new IllegalArgumentException("unpublishing the last version of " + name
          + " removes the package; use FakeUpstream.unpublish(name)");
    }
    Map<String, String> tags = new LinkedHashMap<>(distTags);
    tags.values().removeIf(version::equals);
    tags.putIfAbsent("latest", highestRelease(remaining.keySet()));
    return new GeneratedPackage(name, description, remaining, tags, maintainers, created,
        when.isAfter(modified) ? when : modified);
  }

  static String highestRelease(Iterable<String> versions) {
    List<String> all = new ArrayList<>();
    versions.forEach(all::add);
    Comparator<String> releasesFirst = Comparator
        .comparing((String v) -> !SemverOrder.isPrerelease(v))
        .thenComparing(SemverOrder.INSTANCE);
    return all.stream().max(releasesFirst).orElseThrow();
  }
}
