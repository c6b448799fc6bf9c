package dev.lazaret.proxy.registry;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VerdictMessages;
import java.time.Instant;

/**
 * The sentences npm prints when Lazaret refuses a version or a whole package. Times in them are
 * shown the one way Lazaret shows times ({@link dev.lazaret.policy.text.Moment}), relative to
 * {@code now}, the registry's clock.
 */
final class Refusals {

  private Refusals() {
  }

  /** Why {@code name@version} may not be installed, as of {@code now}. */
  static String version(String name, String version, Verdict verdict, Instant now) {
    return VerdictMessages.refusal(name, version, verdict, now)
        .orElse(name + "@" + version + " is allowed");
  }

  /** Why no version of {@code name} may be installed, as of {@code now}. */
  static String wholePackage(String name, PackageVerdict verdict, Instant now) {
    return VerdictMessages.nothingAllowed(name, verdict, now);
  }
}
