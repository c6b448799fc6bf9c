package dev.lazaret.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * The quarantine's tunables, validated when built: a bad value fails at start with a message
 * naming the key and the value, never later in the middle of a request.
 *
 * @param baseCooldown           how long every new version waits (like pnpm's
 *                               {@code minimumReleaseAge}, applied company-wide)
 * @param riskyCooldown          how long a risky version waits (at least the base cooldown)
 * @param freshAccountWindow     an account whose whole known history is younger than this is
 *                               <em>fresh</em>
 * @param newPackageWindow       a package created less than this long ago may be <em>new</em>
 * @param newPackageMaxVersions  ... if it also has at most this many versions
 * @param machineNameThreshold   name score (0..1) at or above which a publisher's name looks
 *                               machine-generated
 * @param thinMaxFiles           a tarball with at most this many files is thin
 * @param thinMaxBytes           a tarball unpacking to at most this many bytes is thin
 * @param highFirstMajor         a package whose first version has at least this major is suspect
 * @param maxMajorJump           a major increase larger than this over every earlier version is
 *                               suspect
 * @param typosquatMinLength     names shorter than this are not compared with popular names (short
 *                               names are all within two edits of each other)
 */
public record PolicySettings(
    Duration baseCooldown,
    Duration riskyCooldown,
    Duration freshAccountWindow,
    Duration newPackageWindow,
    int newPackageMaxVersions,
    double machineNameThreshold,
    int thinMaxFiles,
    long thinMaxBytes,
    int highFirstMajor,
    int maxMajorJump,
    int typosquatMinLength) {

  /** Default base cooldown: 24 hours. */
  public static final Duration DEFAULT_BASE_COOLDOWN = Duration.ofHours(24);
  /** Default risky cooldown: 7 days. */
  public static final Duration DEFAULT_RISKY_COOLDOWN = Duration.ofDays(7);
  /** Default fresh-account window: 7 days. */
  public static final Duration DEFAULT_FRESH_ACCOUNT_WINDOW = Duration.ofDays(7);
  /** Default new-package window: 14 days. */
  public static final Duration DEFAULT_NEW_PACKAGE_WINDOW = Duration.ofDays(14);
  /** Default most versions a new package has: 3. */
  public static final int DEFAULT_NEW_PACKAGE_MAX_VERSIONS = 3;
  /** Default machine-name threshold, chosen on the labelled evaluation set (docs/POLICY.md). */
  public static final double DEFAULT_MACHINE_NAME_THRESHOLD = 0.5;
  /** Default thin tarball: at most 3 files. */
  public static final int DEFAULT_THIN_MAX_FILES = 3;
  /** Default thin tarball: at most 4 KiB unpacked. */
  public static final long DEFAULT_THIN_MAX_BYTES = 4096;
  /** Default suspect first major: 20 (dependency confusion favours 99.0.0 and the like). */
  public static final int DEFAULT_HIGH_FIRST_MAJOR = 20;
  /** Default suspect major jump: more than 10. */
  public static final int DEFAULT_MAX_MAJOR_JUMP = 10;
  /** Default shortest name compared for typosquats: 5 characters. */
  public static final int DEFAULT_TYPOSQUAT_MIN_LENGTH = 5;

  /** Validates every value; the message names the key and the bad value. */
  public PolicySettings {
    positive("baseCooldown", baseCooldown);
    positive("riskyCooldown", riskyCooldown);
    positive("freshAccountWindow", freshAccountWindow);
    positive("newPackageWindow", newPackageWindow);
    if (riskyCooldown.compareTo(baseCooldown) < 0) {
      throw new IllegalArgumentException("policy setting riskyCooldown must be at least"
          + " baseCooldown (" + baseCooldown + "), got " + riskyCooldown);
    }
    atLeast("newPackageMaxVersions", newPackageMaxVersions, 1);
    if (!(machineNameThreshold > 0 && machineNameThreshold <= 1)) {
      throw new IllegalArgumentException(
          "policy setting machineNameThreshold must be in (0, 1], got " + machineNameThreshold);
    }
    atLeast("thinMaxFiles", thinMaxFiles, 0);
    if (thinMaxBytes < 0) {
      throw new IllegalArgumentException(
          "policy setting thinMaxBytes must be >= 0, got " + thinMaxBytes);
    }
    atLeast("highFirstMajor", highFirstMajor, 1);
    atLeast("maxMajorJump", maxMajorJump, 1);
    atLeast("typosquatMinLength", typosquatMinLength, 2);
  }

  /** Every default. */
  public static PolicySettings defaults() {
    return new PolicySettings(DEFAULT_BASE_COOLDOWN, DEFAULT_RISKY_COOLDOWN,
        DEFAULT_FRESH_ACCOUNT_WINDOW, DEFAULT_NEW_PACKAGE_WINDOW, DEFAULT_NEW_PACKAGE_MAX_VERSIONS,
        DEFAULT_MACHINE_NAME_THRESHOLD, DEFAULT_THIN_MAX_FILES, DEFAULT_THIN_MAX_BYTES,
        DEFAULT_HIGH_FIRST_MAJOR, DEFAULT_MAX_MAJOR_JUMP, DEFAULT_TYPOSQUAT_MIN_LENGTH);
  }

  /** A copy with another base cooldown. */
  public PolicySettings withBaseCooldown(Duration value) {
    return new PolicySettings(value, riskyCooldown, freshAccountWindow, newPackageWindow,
        newPackageMaxVersions, machineNameThreshold, thinMaxFiles, thinMaxBytes, highFirstMajor,
        maxMajorJump, typosquatMinLength);
  }

  /** A copy with another risky cooldown. */
  public PolicySettings withRiskyCooldown(Duration value) {
    return new PolicySettings(baseCooldown, value, freshAccountWindow, newPackageWindow,
        newPackageMaxVersions, machineNameThreshold, thinMaxFiles, thinMaxBytes, highFirstMajor,
        maxMajorJump, typosquatMinLength);
  }

  /** A copy with another fresh-account window. */
  public PolicySettings withFreshAccountWindow(Duration value) {
    return new PolicySettings(baseCooldown, riskyCooldown, value, newPackageWindow,
        newPackageMaxVersions, machineNameThreshold, thinMaxFiles, thinMaxBytes, highFirstMajor,
        maxMajorJump, typosquatMinLength);
  }

  /** A copy with another machine-name threshold. */
  public PolicySettings withMachineNameThreshold(double value) {
    return new PolicySettings(baseCooldown, riskyCooldown, freshAccountWindow, newPackageWindow,
        newPackageMaxVersions, value, thinMaxFiles, thinMaxBytes, highFirstMajor, maxMajorJump,
        typosquatMinLength);
  }

  private static void positive(String key, Duration value) {
    Objects.requireNonNull(value, () -> "policy setting " + key + " is missing");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "policy setting " + key + " must be positive, got " + value);
    }
  }

  private static void atLeast(String key, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(
          "policy setting " + key + " must be >= " + min + ", got " + value);
    }
  }
}
