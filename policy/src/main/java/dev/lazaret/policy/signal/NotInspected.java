package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import java.util.Optional;

/**
 * The quiet answer of a content signal when there is no content to judge: the tarball was not
 * inspected (yet), or could not be inspected in full (which {@code Uninspectable} reports).
 */
final class NotInspected {

  private NotInspected() {
  }

  /** A quiet result for {@code id} if {@code c}'s tarball was not fully inspected, else empty. */
  static Optional<SignalResult> check(SignalId id, VersionContext c) {
    if (c.content() == null) {
      return Optional.of(SignalResult.quiet(id, "not inspected", c.awaitingInspection()
          ? "The tarball has not been inspected yet." : "The tarball was not inspected."));
    }
    if (!c.content().complete()) {
      return Optional.of(SignalResult.quiet(id, "not inspected", "The tarball could not be"
          + " inspected in full, so its content was not judged."));
    }
    return Optional.empty();
  }
}
