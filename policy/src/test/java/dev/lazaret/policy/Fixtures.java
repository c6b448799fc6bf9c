package dev.lazaret.policy;

import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.signal.PackageHistory;
import dev.lazaret.policy.signal.VersionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Shared builders for policy tests: a fixed "now" and short ways to write packuments. */
public final class Fixtures {

  /** The instant every test judges at, unless it says otherwise. */
  public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private Fixtures() {
  }

  /** A clock stopped at {@code at}. */
  public static Clock clockAt(Instant at) {
    return Clock.fixed(at, ZoneOffset.UTC);
  }

  /** {@link #NOW} minus {@code d}. */
  public static Instant ago(Duration d) {
    return NOW.minus(d);
  }

  /** A version published {@code age} before {@link #NOW} by {@code publisher}. */
  public static VersionFacts.Builder version(String version, Duration age, String publisher) {
    return VersionFacts.builder(version).publishedAt(ago(age)).publisher(publisher)
        .maintainers(List.of(publisher)).fileCount(40).unpackedSize(120_000);
  }

  /** The same, with a postinstall hook. */
  public static VersionFacts.Builder withPostinstall(VersionFacts.Builder b) {
    return b.scripts(Map.of("postinstall", "node setup.js"));
  }

  /** The context of {@code version} in {@code facts} at {@link #NOW}. */
  public static VersionContext context(PackageFacts facts, String version, Evidence evidence) {
    return context(facts, version, evidence, PolicySettings.defaults(), NOW);
  }

  /** The context of {@code version} in {@code facts}. */
  public static VersionContext context(PackageFacts facts, String version, Evidence evidence,
      PolicySettings settings, Instant now) {
    VersionFacts v = facts.versions().stream().filter(x -> x.version().equals(version))
        .findFirst().orElseThrow();
    return new VersionContext(v, PackageHistory.of(facts), evidence.publisher(v.publisher()),
        evidence.advisories(), settings, now);
  }

  /** The context of {@code version} in {@code facts} at {@link #NOW}, with its content. */
  public static VersionContext context(PackageFacts facts, String version,
      ContentFacts content) {
    VersionFacts v = facts.versions().stream().filter(x -> x.version().equals(version))
        .findFirst().orElseThrow();
    Evidence evidence = Evidence.none();
    return new VersionContext(v, PackageHistory.of(facts), evidence.publisher(v.publisher()),
        evidence.advisories(), PolicySettings.defaults(), NOW, content, false);
  }

  /** Evidence that {@code name} has been publishing for {@code age}. */
  public static PublisherEvidence seenFor(String name, Duration age, int packages) {
    return PublisherEvidence.of(name, ago(age), packages);
  }

  /** A single-version package created with its version. */
  public static PackageFacts single(String name, VersionFacts v) {
    return PackageFacts.builder(name).created(v.publishedAt()).version(v).build();
  }
}
