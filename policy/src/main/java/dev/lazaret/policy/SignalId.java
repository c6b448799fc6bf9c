package dev.lazaret.policy;

/** The signals the quarantine evaluates for every version; {@link RiskRules} combine them. */
public enum SignalId {
  /** Time since the version was published. */
  RELEASE_AGE,
  /** The package itself is recent and has few versions. */
  NEW_PACKAGE,
  /** The publishing account has no history older than the fresh-account window. */
  FRESH_PUBLISHER,
  /** The publisher's name looks machine-generated and its history is weak. */
  MACHINE_NAME,
  /** The version adds install hooks the previous version lacked. */
  INSTALL_SCRIPTS,
  /** The publisher was not a maintainer or publisher of the previous version. */
  MAINTAINER_TAKEOVER,
  /** A new package starting at a very high version, or a large major jump. */
  VERSION_JUMP,
  /** Earlier versions had provenance attestations and this one does not. */
  PROVENANCE_REGRESSION,
  /** A malware advisory lists this version. */
  KNOWN_MALWARE,
  /** A tiny tarball that runs install scripts. */
  THIN_PACKAGE,
  /** The name is one or two edits away from a popular package's name. */
  TYPOSQUAT,
  /** An established package's install scripts, or the files they run, were added or changed. */
  INSTALL_SCRIPT_CHANGE,
  /** Suspicious code in files the version added or changed (see {@code CodeScanner}). */
  SUSPICIOUS_CODE,
  /** The version adds native binaries its previous release did not ship. */
  NATIVE_BINARY_ADDED,
  /** The version adds a dependency on a package that is itself new, held or risky. */
  RISKY_DEPENDENCY,
  /** The tarball could not be inspected in full (an archive bomb, a malformed archive). */
  UNINSPECTABLE
}
