package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.PublisherEvidence;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Lazaret has learned about one publishing account, as stored.
 *
 * @param name               the account name
 * @param knownSince         when Lazaret first saw the account publish anything
 * @param firstPublishSeen   the earliest publish by the account in any packument Lazaret has read
 * @param packagesMaintained how many packages the upstream's maintainer search lists, if searched
 * @param oldestPackageDate  the oldest last-publish date among those packages, if searched: the
 *                           account has maintained a package at least that old
 * @param searchedAt         when the maintainer search last answered, if ever
 */
public record PublisherRecord(String name, Instant knownSince, Instant firstPublishSeen,
    Integer packagesMaintained, Instant oldestPackageDate, Instant searchedAt) {

  /** A record for an account first seen at {@code now}, publishing at {@code publishedAt}. */
  static PublisherRecord firstSeen(String name, Instant now, Instant publishedAt) {
    return new PublisherRecord(name, now, publishedAt, null, null, null);
  }

  /** A copy that also knows of a publish at {@code publishedAt}, if that is earlier. */
  PublisherRecord withPublish(Instant publishedAt) {
    if (publishedAt == null
        || (firstPublishSeen != null && !publishedAt.isBefore(firstPublishSeen))) {
      return this;
    }
    return new PublisherRecord(name, knownSince, publishedAt, packagesMaintained,
        oldestPackageDate, searchedAt);
  }

  /** A copy with a maintainer-search answer. */
  PublisherRecord withSearch(int packages, Instant oldestDate, Instant at) {
    return new PublisherRecord(name, knownSince, firstPublishSeen, packages, oldestDate, at);
  }

  /**
   * What two nodes know about the same account, together: the earliest first-seen and
   * first-publish times, and the newer maintainer search. Writers merge rather than replace, so
   * a node that saw the account later cannot make it look younger than another node found it.
   */
  PublisherRecord mergedWith(PublisherRecord other) {
    if (other == null) {
      return this;
    }
    boolean otherSearchNewer = other.searchedAt != null
        && (searchedAt == null || other.searchedAt.isAfter(searchedAt));
    PublisherRecord search = otherSearchNewer ? other : this;
    return new PublisherRecord(name, earliest(knownSince, other.knownSince),
        earliest(firstPublishSeen, other.firstPublishSeen), search.packagesMaintained,
        search.oldestPackageDate, search.searchedAt);
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** The evidence the policy judges the account by. */
  public PublisherEvidence evidence() {
    Instant earliest = firstPublishSeen;
    if (oldestPackageDate != null && (earliest == null || oldestPackageDate.isBefore(earliest))) {
      earliest = oldestPackageDate;
    }
    return new PublisherEvidence(name, Optional.ofNullable(earliest),
        packagesMaintained == null ? OptionalInt.empty() : OptionalInt.of(packagesMaintained),
        Optional.ofNullable(knownSince));
  }
}
