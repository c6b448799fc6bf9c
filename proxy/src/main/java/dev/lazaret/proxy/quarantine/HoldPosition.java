package dev.lazaret.proxy.quarantine;

import java.time.Instant;

/**
 * A place in the newest-first order of holds: by first-held time, newest first, then by package
 * and version, so the order is total and a page can start right after any record.
 *
 * @param firstHeldAt the record's first-held time
 * @param packageName its package
 * @param version     its version
 */
public record HoldPosition(Instant firstHeldAt, String packageName, String version) {

  /** The position of {@code record}. */
  public static HoldPosition of(HoldRecord record) {
    return new HoldPosition(record.firstHeldAt(), record.packageName(), record.version());
  }

  /**
   * A key that sorts in the newest-first order: the time inverted (so that newer sorts first),
   * fixed width, then package and version separated by a space (never in a name or version).
   */
  String sortKey() {
    return String.format("%019d%09d %s %s", Long.MAX_VALUE - firstHeldAt.getEpochSecond(),
        999_999_999 - firstHeldAt.getNano(), packageName, version);
  }
}
