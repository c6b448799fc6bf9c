package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import java.util.OptionalInt;

/**
 * A package whose first version is very high ({@code 99.0.0}) or a major far above every
 * earlier one: dependency-confusion attacks pick a version that beats any internal one.
 */
public final class VersionJump implements Signal {

  @Override
  public SignalId id() {
    return SignalId.VERSION_JUMP;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    OptionalInt major = VersionNumber.major(c.version().version());
    if (major.isEmpty()) {
      return SignalResult.quiet(id(), "unparsed", "The version has no major number.");
    }
    int m = major.getAsInt();
    int before = c.history().maxMajorBefore(c.version());
    if (before < 0) {
      if (m >= c.settings().highFirstMajor()) {
        return SignalResult.fired(id(), String.valueOf(m), "The package starts at version "
            + c.version().version() + ", a very high first version.",
            "starting at version " + c.version().version());
      }
      return SignalResult.quiet(id(), String.valueOf(m), "The package starts at major " + m + ".");
    }
    int jump = m - before;
    if (jump > c.settings().maxMajorJump()) {
      return SignalResult.fired(id(), "+" + jump, "The major version jumps from " + before + " to "
          + m + ".", "jumping from major " + before + " to " + m);
    }
    return SignalResult.quiet(id(), "+" + Math.max(0, jump), "The major version follows the"
        + " earlier ones.");
  }
}
