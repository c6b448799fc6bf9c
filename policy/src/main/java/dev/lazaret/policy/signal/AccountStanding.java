package dev.lazaret.policy.signal;

import dev.lazaret.policy.PublisherEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How established the publishing account is, from everything known: the supplied evidence and
 * this package's own history. npm publishes no account creation date, so the oldest trace of
 * activity stands in for it.
 *
 * @param level    established, fresh or unknown
 * @param earliest the oldest trace of the account, if any
 */
public record AccountStanding(Level level, Optional<Instant> earliest) {

  /** The three standings. */
  public enum Level {
    /** Some trace of the account is older than the fresh-account window (at the instant). */
    ESTABLISHED,
    /** Evidence was supplied, and every trace is younger than the window. */
    FRESH,
    /** No evidence was supplied, and this package shows no old trace either. */
    UNKNOWN
  }

  /** Judges the account at {@code asOf} from its evidence and its first publish here. */
  public static AccountStanding of(PublisherEvidence evidence, Optional<Instant> firstInPackage,
      Instant asOf, Duration freshWindow) {
    Optional<Instant> earliest = evidence.earliest();
    if (firstInPackage.isPresent()
        && (earliest.isEmpty() || firstInPackage.get().isBefore(earliest.get()))) {
      earliest = firstInPackage;
    }
    if (earliest.isPresent() && !earliest.get().isAfter(asOf.minus(freshWindow))) {
      return new AccountStanding(Level.ESTABLISHED, earliest);
    }
    if (!evidence.isUnknown()) {
      return new AccountStanding(Level.FRESH, earliest);
    }
    return new AccountStanding(Level.UNKNOWN, earliest);
  }

  /** Whether the history is weak: not established. */
  public boolean weak() {
    return level != Level.ESTABLISHED;
  }
}
