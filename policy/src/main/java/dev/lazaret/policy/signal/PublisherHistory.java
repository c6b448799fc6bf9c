package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The publisher's track record: whether it published earlier versions of this package, and how
 * old its oldest known trace is. Fires when the account is <em>fresh</em>: evidence was supplied
 * and nothing about the account is older than the fresh-account window.
 */
public final class PublisherHistory implements Signal {

  @Override
  public SignalId id() {
    return SignalId.FRESH_PUBLISHER;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    if (c.version().publisher() == null) {
      return SignalResult.quiet(id(), "unknown", "The packument does not name the publisher.");
    }
    AccountStanding standing = c.standing();
    String who = "Account " + c.publisherLabel();
    String earlier = publishedEarlier(c) ? " and published earlier versions of this package"
        : " and had not published this package before";
    String packages = c.publisher().packagesMaintained().isPresent()
        ? ", maintains " + c.publisher().packagesMaintained().getAsInt() + " package(s)" : "";
    String seen = standing.earliest()
        .map(t -> "first seen " + HumanDuration.format(Duration.between(t, c.now())) + " ago")
        .orElse("never seen before");
    String value = standing.level().name().toLowerCase(java.util.Locale.ROOT);
    return switch (standing.level()) {
      case FRESH -> SignalResult.fired(id(), value, who + " is fresh: " + seen + packages + earlier
          + ".", "an account " + seen);
      case ESTABLISHED -> SignalResult.quiet(id(), value, who + " is established: " + seen
          + packages + earlier + ".");
      case UNKNOWN -> SignalResult.quiet(id(), value, who + " is unknown: no evidence about it"
          + " was supplied" + earlier + ".");
    };
  }

  private static boolean publishedEarlier(VersionContext c) {
    Optional<Instant> first = c.history().firstPublishBy(c.version().publisher());
    Instant at = c.version().publishedAt();
    return first.isPresent() && at != null && first.get().isBefore(at);
  }
}
