package dev.lazaret.proxy.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Describes one package for {@link PackageGenerator}. Versions are published in the order they
 * are declared; without explicit times they are spaced 30 days apart, the last one 30 days
 * before the generator's "now". {@code latest} defaults to the highest release.
 */
public final class PackageBuilder {

  private static final Duration DEFAULT_SPACING = Duration.ofDays(30);

  private final PackageGenerator generator;
  private final String name;
  private final Random random;
  private final Map<String, VersionBuilder> versions = new LinkedHashMap<>();
  private final Map<String, String> distTags = new LinkedHashMap<>();
  private final List<Person> maintainers = new ArrayList<>();
  private String description;
  private Instant created;
  private Instant modified;

  PackageBuilder(PackageGenerator generator, String name) {
    this.generator = generator;
    this.name = name;
    this.random = generator.random(name);
    this.description = "Generated package " + name + " (" + PackageGenerator.word(random) + ")";
  }

  /** Adds a version with defaults: no dependencies, published by the first maintainer. */
  public PackageBuilder version(String version) {
    return version(version, v -> { });
  }

  /** Adds a version and customises it, e.g. {@code v -> v.dependsOn("a", "^1.0.0")}. */
  public PackageBuilder version(String version, Consumer<VersionBuilder> spec) {
    if (!version.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?")) {
      throw new IllegalArgumentException(name + ": not a plain semver version: '" + version + "'");
    }
    if (versions.containsKey(version)) {
      throw new IllegalArgumentException(name + "@" + version + " is declared twice");
    }
    VersionBuilder builder = new VersionBuilder(generator, name, version);
    spec.accept(builder);
    versions.put(version, builder);
    return this;
  }

  /** Points a dist-tag at a declared version; {@code latest} overrides the default. */
  public PackageBuilder distTag(String tag, String version) {
    distTags.put(tag, version);
    return this;
  }

  /** Adds a maintainer; the first one also publishes versions that do not say otherwise. */
  public PackageBuilder maintainer(String account) {
    maintainers.add(Person.named(account));
    return this;
  }

  /** Replaces the generated description. */
  public PackageBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** Overrides {@code time.created} (default: the first publish time). */
  public PackageBuilder createdAt(Instant instant) {
    this.created = instant;
    return this;
  }

  /** Overrides {@code time.modified} (default: the last publish time). */
  public PackageBuilder modifiedAt(Instant instant) {
    this.modified = instant;
    return this;
  }

  /** Builds the package, packing one tarball per version. */
  public GeneratedPackage done() {
    if (versions.isEmpty()) {
      throw new IllegalStateException(name + " has no versions; call version(...) at least once");
    }
    List<Person> owners = maintainers.isEmpty()
        ? List.of(Person.named(PackageGenerator.word(random))) : List.copyOf(maintainers);
    Map<String, GeneratedVersion> built = new LinkedHashMap<>();
    int n = versions.size();
    int k = 0;
    for (VersionBuilder builder : versions.values()) {
      Instant defaultTime = generator.now().minus(DEFAULT_SPACING.multipliedBy(n - k++));
      GeneratedVersion v = builder.build(defaultTime, owners.get(0));
      built.put(v.version(), v);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("latest", GeneratedPackage.highestRelease(built.keySet()));
    tags.putAll(distTags);
    Instant first = built.values().stream().map(GeneratedVersion::publishedAt)
        .min(Instant::compareTo).orElseThrow();
    Instant last = built.values().stream().map(GeneratedVersion::publishedAt)
        .max(Instant::compareTo).orElseThrow();
    return new GeneratedPackage(name, description, built, tags, owners,
        created != null ? created : first, modified != null ? modified : last);
  }
}
