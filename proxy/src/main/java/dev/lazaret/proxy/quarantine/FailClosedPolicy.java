package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.VerdictUnavailableException;

/**
 * The quarantine as the registry sees it: a judgement that needed the shared state while it was
 * unreachable is reported as unavailable, so the registry fails closed (serves only what it had
 * allowed, answers 503 for the rest) instead of treating it as an internal error.
 */
public final class FailClosedPolicy implements Policy {

  private final Policy policy;

  /** Guards {@code policy}. */
  public FailClosedPolicy(Policy policy) {
    this.policy = policy;
  }

  @Override
  public PackageVerdict judge(PackageFacts facts) {
    try {
      return policy.judge(facts);
    } catch (StateUnavailableException e) {
      throw new VerdictUnavailableException(e.getMessage(), e);
    }
  }
}
