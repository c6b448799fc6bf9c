package dev.lazaret.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The analyst decisions known for a package; the latest decision per version wins. */
public final class Decisions {

  private static final Decisions NONE = new Decisions(List.of());

  private final Map<String, AnalystDecision> byKey = new HashMap<>();

  private Decisions(List<AnalystDecision> decisions) {
    for (AnalystDecision d : decisions) {
      byKey.merge(d.packageName() + "@" + d.version(), d,
          (a, b) -> b.decidedAt().isBefore(a.decidedAt()) ? a : b);
    }
  }

  /** No decisions. */
  public static Decisions none() {
    return NONE;
  }

  /** These decisions (for any packages). */
  public static Decisions of(List<AnalystDecision> decisions) {
    return new Decisions(decisions);
  }

  /** These decisions (for any packages). */
  public static Decisions of(AnalystDecision... decisions) {
    return new Decisions(List.of(decisions));
  }

  /** The latest decision for {@code packageName@version}, if any. */
  public Optional<AnalystDecision> forVersion(String packageName, String version) {
    return Optional.ofNullable(byKey.get(packageName + "@" + version));
  }
}
