package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Advisories;
import java.util.List;

/** Looks a package's versions up in an upstream's malware advisories. */
@FunctionalInterface
public interface AdvisoryCheck {

  /** A check that is switched off: every verdict says so. */
  AdvisoryCheck OFF = (upstream, name, versions) -> Advisories.skipped(
      Advisories.Skipped.Cause.SWITCHED_OFF, "advisory lookup is switched off");

  /**
   * The advisories for {@code versions} of {@code packageName}, asked of the upstream named
   * {@code upstream} (the one that serves the package, so internal names never leave the
   * company); {@link Advisories#skipped} when the lookup could not be made.
   */
  Advisories check(String upstream, String packageName, List<String> versions);
}
