package dev.lazaret.policy;

import static dev.lazaret.policy.SignalId.FRESH_PUBLISHER;
import static dev.lazaret.policy.SignalId.INSTALL_SCRIPTS;
import static dev.lazaret.policy.SignalId.INSTALL_SCRIPT_CHANGE;
import static dev.lazaret.policy.SignalId.KNOWN_MALWARE;
import static dev.lazaret.policy.SignalId.MACHINE_NAME;
import static dev.lazaret.policy.SignalId.MAINTAINER_TAKEOVER;
import static dev.lazaret.policy.SignalId.NATIVE_BINARY_ADDED;
import static dev.lazaret.policy.SignalId.NEW_PACKAGE;
import static dev.lazaret.policy.SignalId.PROVENANCE_REGRESSION;
import static dev.lazaret.policy.SignalId.RISKY_DEPENDENCY;
import static dev.lazaret.policy.SignalId.SUSPICIOUS_CODE;
import static dev.lazaret.policy.SignalId.THIN_PACKAGE;
import static dev.lazaret.policy.SignalId.TYPOSQUAT;
import static dev.lazaret.policy.SignalId.UNINSPECTABLE;
import static dev.lazaret.policy.SignalId.VERSION_JUMP;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which fired signals make a version risky (long cooldown, flagged for analysts) and which block
 * it outright. Configuration, not code: {@link #defaults()} is a starting point.
 *
 * @param risky    combinations that make a version risky, checked in order
 * @param blocking signals any one of which blocks the version
 */
public record RiskRules(List<RiskRule> risky, Set<SignalId> blocking) {

  /** Copies the rules. */
  public RiskRules {
    risky = List.copyOf(risky);
    blocking = Set.copyOf(blocking);
  }

  /** The default combinations; see docs/POLICY.md for why each is there. */
  public static RiskRules defaults() {
    return new RiskRules(List.of(
        // What the tarball shows first: its reasons name the file, the hook and the finding.
        RiskRule.of("an install script changed to run suspicious code", INSTALL_SCRIPT_CHANGE,
            SUSPICIOUS_CODE),
        RiskRule.of("suspicious code in what changed", SUSPICIOUS_CODE),
        RiskRule.of("a new dependency on a package that is itself new, held or risky",
            RISKY_DEPENDENCY),
        RiskRule.of("a tarball that could not be inspected", UNINSPECTABLE),
        RiskRule.of("a new publisher changing what runs at install", INSTALL_SCRIPT_CHANGE,
            MAINTAINER_TAKEOVER),
        RiskRule.of("a fresh account changing what runs at install", INSTALL_SCRIPT_CHANGE,
            FRESH_PUBLISHER),
        RiskRule.of("a new publisher adding native binaries", NATIVE_BINARY_ADDED,
            MAINTAINER_TAKEOVER),
        RiskRule.of("a fresh account adding native binaries", NATIVE_BINARY_ADDED,
            FRESH_PUBLISHER),
        RiskRule.of("a fresh account publishing a new package", FRESH_PUBLISHER, NEW_PACKAGE),
        RiskRule.of("a fresh account shipping install scripts", FRESH_PUBLISHER, INSTALL_SCRIPTS),
        RiskRule.of("a machine-generated-looking account shipping install scripts", MACHINE_NAME,
            INSTALL_SCRIPTS),
        RiskRule.of("a machine-generated-looking account publishing a new package", MACHINE_NAME,
            NEW_PACKAGE),
        RiskRule.of("a new publisher adding install scripts", MAINTAINER_TAKEOVER,
            INSTALL_SCRIPTS),
        RiskRule.of("a fresh account taking over a package", MAINTAINER_TAKEOVER,
            FRESH_PUBLISHER),
        RiskRule.of("a tiny package that runs install scripts", THIN_PACKAGE),
        RiskRule.of("a new package named like a popular one", TYPOSQUAT, NEW_PACKAGE),
        RiskRule.of("a package named like a popular one shipping install scripts", TYPOSQUAT,
            INSTALL_SCRIPTS),
        RiskRule.of("a new package starting at a very high version", VERSION_JUMP, NEW_PACKAGE),
        RiskRule.of("a new publisher jumping the major version", VERSION_JUMP,
            MAINTAINER_TAKEOVER),
        RiskRule.of("a new publisher dropping provenance", PROVENANCE_REGRESSION,
            MAINTAINER_TAKEOVER),
        RiskRule.of("install scripts added without provenance", PROVENANCE_REGRESSION,
            INSTALL_SCRIPTS)),
        Set.of(KNOWN_MALWARE));
  }

  /** No combination is risky and nothing blocks: only the base cooldown applies. */
  public static RiskRules none() {
    return new RiskRules(List.of(), Set.of());
  }

  /** The first risky combination among {@code fired}, if any. */
  public Optional<RiskRule> firstRisky(Set<SignalId> fired) {
    return risky.stream().filter(rule -> rule.matches(fired)).findFirst();
  }

  /** Whether any of {@code fired} blocks the version. */
  public boolean blocks(Set<SignalId> fired) {
    return fired.stream().anyMatch(blocking::contains);
  }
}
