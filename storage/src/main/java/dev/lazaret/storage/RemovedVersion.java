package dev.lazaret.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * The fact that a version Lazaret had seen disappeared from the upstream's packument (unpublished,
 * or pulled as malware). Kept for the audit trail; the version is no longer served.
 *
 * @param name      package name
 * @param version   the version that disappeared
 * @param removedAt when Lazaret noticed
 * @param integrity the {@code dist.integrity} (or {@code sha1-} shasum) it had, or {@code null}
 */
public record RemovedVersion(String name, String version, Instant removedAt, String integrity) {

  /** Validates the parts that may never be missing. */
  public RemovedVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(removedAt, "removedAt");
  }
}
