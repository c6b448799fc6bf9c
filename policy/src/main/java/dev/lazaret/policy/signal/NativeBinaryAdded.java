package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.ContentFacts;
import java.util.List;

/**
 * The version ships native binaries (executables, shared libraries, {@code .node} addons) that
 * its previous release did not. Packages add prebuilds per platform all the time, so this only
 * counts with who published it (see the risk rules); a first release is not compared.
 */
public final class NativeBinaryAdded implements Signal {

  /** Paths named in a sentence; the rest are counted. */
  private static final int MAX_PATHS = 3;

  @Override
  public SignalId id() {
    return SignalId.NATIVE_BINARY_ADDED;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    var unavailable = NotInspected.check(id(), c);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    ContentFacts content = c.content();
    if (content.previousVersion() == null) {
      return SignalResult.quiet(id(), "first release", "This is the package's first release:"
          + " there is no earlier release to compare its binaries with.");
    }
    List<String> added = content.addedNativeBinaries();
    if (added.isEmpty()) {
      return SignalResult.quiet(id(), "none", "The version adds no native binaries to what "
          + content.previousVersion() + " shipped.");
    }
    String listed = String.join(", ", added.subList(0, Math.min(MAX_PATHS, added.size())))
        + (added.size() > MAX_PATHS ? " and " + (added.size() - MAX_PATHS) + " more" : "");
    String count = added.size() == 1 ? "a native binary" : added.size() + " native binaries";
    return SignalResult.fired(id(), String.valueOf(added.size()), "The version adds " + count
        + " that " + content.previousVersion() + " did not ship: " + listed + ".",
        "adding " + count + " (" + listed + ")");
  }
}
