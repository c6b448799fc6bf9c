package dev.lazaret.proxy.registry;

import dev.lazaret.policy.Verdict;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The sentences npm prints when Lazaret refuses a version or a whole package. */
final class Refusals {

  private Refusals() {
  }

  /** Why {@code name@version} may not be installed. */
  static String version(String name, String version, Verdict verdict) {
    String reasons = verdict.reasons().isEmpty() ? "" : ": " + String.join("; ", verdict.reasons());
    return switch (verdict) {
      case Verdict.Hold h -> name + "@" + version + " is held until "
          + h.until().truncatedTo(ChronoUnit.SECONDS) + reasons
          + "; ask your security team to review it";
      case Verdict.Block b -> name + "@" + version + " is blocked" + reasons;
      case Verdict.Allow a -> name + "@" + version + " is allowed";
    };
  }

  /** Why no version of {@code name} may be installed; {@code newest} explains the newest one. */
  static String wholePackage(String name, String newest) {
    return name + " has no version that may be installed yet (" + newest + ")";
  }

  /** Formats an instant for messages. */
  static String at(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
