package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;

/**
 * One thing worth knowing about a version, measured from its {@link VersionContext}. Pure: the
 * same context always gives the same result.
 */
public interface Signal {

  /** Which signal this is. */
  SignalId id();

  /** Evaluates the signal for one version. */
  SignalResult evaluate(VersionContext context);

  /**
   * Whether the result depends on the package only, not the version, so the engine may evaluate
   * it once per package (the typosquat check compares against a thousand names).
   */
  default boolean perPackage() {
    return false;
  }
}
