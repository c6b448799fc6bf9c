package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;

/**
 * A tiny tarball (a {@code package.json} and one script) that runs install scripts: a package
 * whose only purpose is to run code at install time. Quiet when the package has long run the
 * same hooks (see {@link LongStanding}): a small, old package whose every release ran the same
 * postinstall has not changed, and holding each release as risky would only teach people to
 * approve it.
 */
public final class ThinPackage implements Signal {

  @Override
  public SignalId id() {
    return SignalId.THIN_PACKAGE;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    var v = c.version();
    boolean fewFiles = v.fileCount().isPresent()
        && v.fileCount().getAsInt() <= c.settings().thinMaxFiles();
    boolean fewBytes = v.unpackedSize().isPresent()
        && v.unpackedSize().getAsLong() <= c.settings().thinMaxBytes();
    String size = (v.fileCount().isPresent() ? v.fileCount().getAsInt() + " files" : "? files")
        + ", " + (v.unpackedSize().isPresent() ? v.unpackedSize().getAsLong() + " bytes"
        : "? bytes");
    if (v.fileCount().isEmpty() && v.unpackedSize().isEmpty()) {
      return SignalResult.quiet(id(), "unknown", "The packument gives no tarball size.");
    }
    if ((fewFiles || fewBytes) && !v.installScripts().isEmpty()) {
      var habit = LongStanding.shape(v, c.history().sameInstallHooksBefore(v));
      if (habit.isPresent()) {
        return SignalResult.quiet(id(), size, "The tarball is tiny (" + size + ") and runs "
            + String.join(", ", v.installScripts()) + " at install, as the " + habit.get()
            + " before it did: a long-standing shape, not a change.");
      }
      return SignalResult.fired(id(), size, "The tarball is tiny (" + size + ") yet runs "
          + String.join(", ", v.installScripts()) + " at install.",
          "a tiny package (" + size + ") that runs install scripts");
    }
    return SignalResult.quiet(id(), size, "The tarball holds " + size + ".");
  }
}
