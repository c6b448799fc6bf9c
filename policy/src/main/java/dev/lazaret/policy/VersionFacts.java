package dev.lazaret.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * What the packument says about one version, as far as the policy needs it.
 *
 * @param version     the version string
 * @param publishedAt the version's entry in the packument's {@code time} map, or {@code null}
 * @param publisher   {@code _npmUser.name}, or {@code null} if the packument does not say
 */
public record VersionFacts(String version, Instant publishedAt, String publisher) {

  /** Validates the version. */
  public VersionFacts {
    Objects.requireNonNull(version, "version");
  }
}
