package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The package was new when this version came out: created within the new-package window before
 * it, and this version among its first few. Most malicious packages are brand new; most packages
 * people depend on are not. Judged at publish time, so the answer never changes later.
 */
public final class NewPackage implements Signal {

  @Override
  public SignalId id() {
    return SignalId.NEW_PACKAGE;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    Optional<Instant> created = c.history().created();
    if (created.isEmpty()) {
      return SignalResult.quiet(id(), "unknown", "The packument does not say when the package"
          + " was created.");
    }
    int nth = c.history().indexOf(c.version()) + 1;
    Duration ageAtPublish = Duration.between(created.get(), c.asOf());
    String ago = HumanDuration.format(Duration.between(created.get(), c.now()));
    boolean recent = ageAtPublish.compareTo(c.settings().newPackageWindow()) < 0;
    boolean early = nth <= c.settings().newPackageMaxVersions();
    String ordinal = "version number " + nth + " of a package created " + ago + " ago";
    if (recent && early) {
      return SignalResult.fired(id(), ago, "This is " + ordinal + ": the package has no track"
          + " record yet.", "in a package created " + ago + " ago");
    }
    return SignalResult.quiet(id(), ago, "This is " + ordinal + ".");
  }
}
