package dev.lazaret.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Lazaret knows about a publishing account beyond the packument being judged. npm publishes
 * no account creation date, so the proxy gathers this (maintainer search, its own observations)
 * and hands it in; the policy never looks anything up.
 *
 * @param name                the account name ({@code _npmUser.name})
 * @param firstSeenAnywhere   the earliest publish by this account seen in any package, if known
 * @param packagesMaintained  how many packages the account maintains, if known
 * @param knownSince          when Lazaret itself first observed the account, if ever
 */
public record PublisherEvidence(String name, Optional<Instant> firstSeenAnywhere,
    OptionalInt packagesMaintained, Optional<Instant> knownSince) {

  /** Validates that nothing is missing. */
  public PublisherEvidence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstSeenAnywhere, "firstSeenAnywhere");
    Objects.requireNonNull(packagesMaintained, "packagesMaintained");
    Objects.requireNonNull(knownSince, "knownSince");
  }

  /** Nothing is known about {@code name}. */
  public static PublisherEvidence unknown(String name) {
    return new PublisherEvidence(name, Optional.empty(), OptionalInt.empty(), Optional.empty());
  }

  /** Evidence from the registry: earliest publish seen and packages maintained. */
  public static PublisherEvidence of(String name, Instant firstSeenAnywhere,
      int packagesMaintained) {
    return new PublisherEvidence(name, Optional.of(firstSeenAnywhere),
        OptionalInt.of(packagesMaintained), Optional.empty());
  }

  /** A copy recording when Lazaret first observed the account. */
  public PublisherEvidence withKnownSince(Instant since) {
    return new PublisherEvidence(name, firstSeenAnywhere, packagesMaintained, Optional.of(since));
  }

  /** Whether this carries any evidence at all. */
  public boolean isUnknown() {
    return firstSeenAnywhere.isEmpty() && packagesMaintained.isEmpty() && knownSince.isEmpty();
  }

  /** The earliest instant any evidence places the account at, if any. */
  public Optional<Instant> earliest() {
    if (firstSeenAnywhere.isPresent() && knownSince.isPresent()) {
      Instant a = firstSeenAnywhere.get();
      Instant b = knownSince.get();
      return Optional.of(a.isBefore(b) ? a : b);
    }
    return firstSeenAnywhere.or(() -> knownSince);
  }
}
