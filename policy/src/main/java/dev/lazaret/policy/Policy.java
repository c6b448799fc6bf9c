package dev.lazaret.policy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which versions of a package clients may see. Implementations are pure: the same facts
 * (and the same instant on their clock) give the same verdict.
 */
public interface Policy {

  /** Judges every version of one package. */
  PackageVerdict judge(PackageFacts facts);

  /** A policy that serves everything, as a plain caching proxy does. */
  static Policy allowAll() {
    return facts -> {
      Map<String, Verdict> verdicts = new LinkedHashMap<>();
      for (VersionFacts v : facts.versions()) {
        verdicts.put(v.version(), Verdict.Allow.PLAIN);
      }
      return new PackageVerdict(verdicts, Optional.empty());
    };
  }

  /** The quarantine with every default; see {@link Quarantine#builder} to configure it. */
  static Quarantine quarantine(Clock clock) {
    return Quarantine.builder(clock).build();
  }
}
