package dev.lazaret.proxy.registry;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VerdictMessages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The sentences npm prints when Lazaret refuses a version or a whole package. */
final class Refusals {

  private Refusals() {
  }

  /** Why {@code name@version} may not be installed. */
  static String version(String name, String version, Verdict verdict) {
    return VerdictMessages.refusal(name, version, verdict)
        .orElse(name + "@" + version + " is allowed");
  }

  /** Why no version of {@code name} may be installed. */
  static String wholePackage(String name, PackageVerdict verdict) {
    return VerdictMessages.nothingAllowed(name, verdict);
  }

  /** Formats an instant for messages. */
  static String at(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
