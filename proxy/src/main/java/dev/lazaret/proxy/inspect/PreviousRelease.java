package dev.lazaret.proxy.inspect;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.npm.SemVer;
import dev.lazaret.proxy.npm.VersionEntry;
import java.time.Instant;
import java.util.Optional;

/**
 * The version a new one is compared with: the newest allowed version published before it; a
 * stable release is compared with the previous stable one (a prerelease with any).
 */
final class PreviousRelease {

  private PreviousRelease() {
  }

  /** The version to compare {@code version} with, or null if there is none. */
  static String of(PackumentIndex index, PackageVerdict verdict, String version) {
    VersionEntry target = index.versions().get(version);
    if (target == null || target.publishedAt() == null) {
      return null;
    }
    boolean stable = SemVer.parse(version).map(v -> !v.isPrerelease()).orElse(true);
    String best = null;
    Instant bestAt = null;
    for (VersionEntry e : index.versions().values()) {
      Instant at = e.publishedAt();
      if (at == null || !at.isBefore(target.publishedAt()) || !verdict.of(e.version()).allowed()) {
        continue;
      }
      Optional<SemVer> v = SemVer.parse(e.version());
      if (stable && v.map(SemVer::isPrerelease).orElse(true)) {
        continue;
      }
      if (bestAt == null || at.isAfter(bestAt)) {
        best = e.version();
        bestAt = at;
      }
    }
    return best;
  }
}
