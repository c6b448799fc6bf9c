package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;

/**
 * The tarball could not be inspected in full (past a size or entry cap, a malformed archive, a
 * decompression bomb): its code cannot be judged, so the quarantine fails closed.
 */
public final class Uninspectable implements Signal {

  @Override
  public SignalId id() {
    return SignalId.UNINSPECTABLE;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    if (c.content() == null) {
      return SignalResult.quiet(id(), "not inspected", c.awaitingInspection()
          ? "The tarball has not been inspected yet." : "The tarball was not inspected.");
    }
    if (c.content().complete()) {
      return SignalResult.quiet(id(), "inspected", "The tarball was inspected in full.");
    }
    String why = c.content().failure();
    return SignalResult.fired(id(), "failed", "The tarball could not be inspected in full: "
        + why + (why.endsWith(".") ? "" : "."), "whose tarball could not be inspected (" + why
        + ")");
  }
}
