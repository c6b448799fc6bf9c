package dev.lazaret.policy.signal;

import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PolicySettings;
import dev.lazaret.policy.PublisherEvidence;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.policy.content.ContentFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a signal may look at for one version: the version, its package's history, the
 * evidence about its publisher, the advisory lookup, the settings and the instant of judging.
 *
 * @param version    the version judged
 * @param history    its package's history
 * @param publisher  evidence about {@code version.publisher()} (unknown if none was supplied)
 * @param advisories the advisory lookup for the package
 * @param settings   the quarantine settings
 * @param now        the instant of judging
 * @param content    what inspecting the version's tarball found, or {@code null} if it was not
 *                   inspected
 * @param awaitingInspection whether the version may not be served before it is inspected
 */
public record VersionContext(VersionFacts version, PackageHistory history,
    PublisherEvidence publisher, Advisories advisories, PolicySettings settings, Instant now,
    ContentFacts content, boolean awaitingInspection) {

  /** A context with nothing known of the tarball. */
  public VersionContext(VersionFacts version, PackageHistory history,
      PublisherEvidence publisher, Advisories advisories, PolicySettings settings, Instant now) {
    this(version, history, publisher, advisories, settings, now, null, false);
  }

  /** Validates that nothing is missing. */
  public VersionContext {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(advisories, "advisories");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
  }

  /** What inspecting the version's tarball found, if it was inspected. */
  public Optional<ContentFacts> inspected() {
    return Optional.ofNullable(content);
  }

  /** The package facts. */
  public PackageFacts packageFacts() {
    return history.facts();
  }

  /** The version published just before this one, if any. */
  public Optional<VersionFacts> previous() {
    return history.previous(version);
  }

  /** How long ago the version was published, if the packument says when. */
  public Optional<Duration> age() {
    return Optional.ofNullable(version.publishedAt()).map(t -> Duration.between(t, now));
  }

  /**
   * The instant the version's risk is judged at: its publish time (or now, if unknown). Judging
   * "was the account fresh when it published this?" rather than "is it fresh now?" keeps the
   * verdict fixed until the hold ends, so {@code PackageVerdict.validUntil} is exact.
   */
  public Instant asOf() {
    return version.publishedAt() != null ? version.publishedAt() : now;
  }

  /** How established the publisher was when it published this version. */
  public AccountStanding standing() {
    return AccountStanding.of(publisher, history.firstPublishBy(version.publisher()), asOf(),
        settings.freshAccountWindow());
  }

  /** The publisher's name in quotes, or "an unnamed account" if the packument does not say. */
  public String publisherLabel() {
    return version.publisher() == null ? "an unnamed account" : "'" + version.publisher() + "'";
  }
}
