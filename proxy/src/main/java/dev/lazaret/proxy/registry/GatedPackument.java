package dev.lazaret.proxy.registry;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.npm.VisibleVersions;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot after the policy has judged it: the one place where what clients may see is decided.
 *
 * @param snapshot the upstream document
 * @param verdict  the policy's verdict on every version
 * @param visible  the versions and dist-tags clients see
 * @param epoch       the policy state (analyst decisions, rules) the verdict was made under
 * @param unavailable why the quarantine state could not be read, when the verdict was made
 *                    without it: then a hidden version is undetermined (503), not refused (403)
 */
record GatedPackument(PackumentSnapshot snapshot, PackageVerdict verdict, VisibleVersions visible,
    long epoch, Optional<String> unavailable) {

  /**
   * Why clients may not have {@code version}: a 503 while undetermined, else the 403, its times
   * relative to {@code now}.
   */
  RegistryException refusal(String name, String version, Verdict verdict, Instant now) {
    if (unavailable.isPresent()) {
      return new RegistryException.VerdictUnavailable(name + "@" + version + ": "
          + unavailable.get());
    }
    return new RegistryException.Refused(Refusals.version(name, version, verdict, now));
  }

  /**
   * Why clients may have no version of {@code name}: a 503 while undetermined, else the 403, its
   * times relative to {@code now}.
   */
  RegistryException refusal(String name, Instant now) {
    if (unavailable.isPresent()) {
      return new RegistryException.VerdictUnavailable(name + ": " + unavailable.get());
    }
    return new RegistryException.Refused(Refusals.wholePackage(name, verdict, now));
  }
}
