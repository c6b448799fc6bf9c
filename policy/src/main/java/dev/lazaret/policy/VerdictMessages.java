package dev.lazaret.policy;

import dev.lazaret.policy.text.Moment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-line messages for developers whose install was refused; npm prints the {@code error} field
 * of a 403 body verbatim, so these must say what happened and what to do.
 */
public final class VerdictMessages {

  /** The order signal phrases appear in, so messages read "published .. by .., an account ..". */
  private static final List<SignalId> PHRASE_ORDER = List.of(SignalId.RELEASE_AGE,
      SignalId.FRESH_PUBLISHER, SignalId.MACHINE_NAME, SignalId.MAINTAINER_TAKEOVER,
      SignalId.INSTALL_SCRIPTS, SignalId.INSTALL_SCRIPT_CHANGE, SignalId.SUSPICIOUS_CODE,
      SignalId.NATIVE_BINARY_ADDED, SignalId.RISKY_DEPENDENCY, SignalId.UNINSPECTABLE,
      SignalId.THIN_PACKAGE, SignalId.PROVENANCE_REGRESSION, SignalId.VERSION_JUMP,
      SignalId.NEW_PACKAGE, SignalId.TYPOSQUAT, SignalId.KNOWN_MALWARE);

  /** Why a version waiting for its inspection is held, and what to do. */
  private static final String INSPECTING = " is being inspected for suspicious code before it"
      + " is served; try again in a minute";

  private VerdictMessages() {
  }

  /**
   * For a held version, e.g. {@code pkg@1.2.3 is held until 2026-12-03T10:00:00Z: published 2 h
   * ago by 'd4ugwerp', an account first seen 2 h ago, whose name looks machine-generated; ask your
   * security team to review it}. Prefer {@link #held(String, String, Verdict.Hold, Instant)},
   * which shows the time the one way Lazaret shows times; this form stays for callers that have
   * no clock at hand.
   */
  public static String held(String name, String version, Verdict.Hold hold) {
    if (hold.awaitingInspection()) {
      return name + "@" + version + " is held: its tarball" + INSPECTING;
    }
    return name + "@" + version + " is held until " + hold.until() + ": " + explain(hold)
        + ask(hold);
  }

  /**
   * The same, with the hold's end relative to {@code now}, the way Lazaret shows times: {@code
   * pkg@1.2.3 is held, released in 6 days (2026-12-08 08:00:00 UTC): published 2 h ago by ...;
   * ask your security team to review it}.
   */
  public static String held(String name, String version, Verdict.Hold hold, Instant now) {
    if (hold.awaitingInspection()) {
      return held(name, version, hold);
    }
    return name + "@" + version + " is held, released " + Moment.relative(hold.until(), now)
        + ": " + explain(hold) + ask(hold);
  }

  /**
   * For a blocked version, naming the analyst rejection, deny rule, advisory or protected name,
   * e.g. {@code pkg@1.2.3 is blocked: Rejected by analyst alice on ...: "exfiltrates tokens"}.
   */
  public static String blocked(String name, String version, Verdict.Block block) {
    String why = block.reasons().isEmpty() ? "blocked by policy" : String.join(" ", block.reasons());
    return name + "@" + version + " is blocked and will not be served: " + why;
  }

  /** For any verdict that refuses the version; {@code null}-free, empty for an allow. */
  public static Optional<String> refusal(String name, String version, Verdict verdict) {
    return switch (verdict) {
      case Verdict.Allow a -> Optional.empty();
      case Verdict.Hold h -> Optional.of(held(name, version, h));
      case Verdict.Block b -> Optional.of(blocked(name, version, b));
    };
  }

  /** The same as {@link #refusal(String, String, Verdict)}, with times relative to {@code now}. */
  public static Optional<String> refusal(String name, String version, Verdict verdict,
      Instant now) {
    return switch (verdict) {
      case Verdict.Allow a -> Optional.empty();
      case Verdict.Hold h -> Optional.of(held(name, version, h, now));
      case Verdict.Block b -> Optional.of(blocked(name, version, b));
    };
  }

  /**
   * For a package with no version a client may install: names the version released first and
   * why it is held, or says that every version is blocked.
   */
  public static String nothingAllowed(String name, PackageVerdict verdict) {
    return nothingAllowed(name, verdict, null);
  }

  /**
   * The same, with the first release's time relative to {@code now}: {@code pkg has no version
   * you may install yet: the first to be released is 1.2.3, in 6 days (2026-12-08 08:00:00 UTC):
   * published 2 h ago by ...}.
   */
  public static String nothingAllowed(String name, PackageVerdict verdict, Instant now) {
    Optional<Map.Entry<String, Verdict.Hold>> first = verdict.verdicts().entrySet().stream()
        .filter(e -> e.getValue() instanceof Verdict.Hold)
        .map(e -> Map.entry(e.getKey(), (Verdict.Hold) e.getValue()))
        .min(Comparator.comparing((Map.Entry<String, Verdict.Hold> e) -> e.getValue().until())
            .thenComparing(Map.Entry::getKey));
    if (first.isEmpty()) {
      if (verdict.verdicts().isEmpty()) {
        return name + " has no versions";
      }
      String reasons = verdict.verdicts().values().stream().flatMap(v -> v.reasons().stream())
          .distinct().limit(3).reduce((a, b) -> a + " " + b).orElse("blocked by policy");
      return name + " has no version you may install: every version is blocked: " + reasons;
    }
    Verdict.Hold hold = first.get().getValue();
    if (hold.awaitingInspection()) {
      return name + " has no version you may install yet: the tarball of " + first.get().getKey()
          + INSPECTING;
    }
    String prefix = name + " has no version you may install yet: the first to be released is "
        + first.get().getKey();
    if (now != null) {
      return prefix + ", " + Moment.relative(hold.until(), now) + ": " + explain(hold)
          + ask(hold);
    }
    return prefix + " at " + hold.until() + " (" + explain(hold) + ")" + ask(hold);
  }

  private static String ask(Verdict.Hold hold) {
    return hold.flagged() ? "; ask your security team to review it"
        : "; ask your security team to approve it if you need it sooner";
  }

  private static String explain(Verdict.Hold hold) {
    List<String> phrases = new ArrayList<>();
    // The content signal names the new hook and what it runs: the packument's "with a new
    // postinstall script" would say it twice.
    boolean scriptNamed = hold.signals().stream()
        .anyMatch(r -> r.id() == SignalId.INSTALL_SCRIPT_CHANGE && r.fired());
    for (SignalId id : PHRASE_ORDER) {
      for (SignalResult r : hold.signals()) {
        boolean speaks = (r.id() == SignalId.RELEASE_AGE || r.fired())
            && !(scriptNamed && r.id() == SignalId.INSTALL_SCRIPTS);
        if (r.id() == id && speaks && !r.phrase().isEmpty()) {
          phrases.add(r.phrase());
        }
      }
    }
    if (phrases.isEmpty()) {
      return hold.reasons().isEmpty() ? "new versions wait before they are served"
          : String.join(" ", hold.reasons());
    }
    if (!hold.flagged()) {
      phrases.add("and new versions wait before they are served");
      return String.join(" ", phrases);
    }
    return String.join(", ", phrases);
  }
}
