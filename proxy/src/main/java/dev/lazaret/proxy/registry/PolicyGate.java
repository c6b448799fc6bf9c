package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.npm.VisibleVersions;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Applies the policy to snapshots. Verdicts are computed once per document generation and policy
 * epoch, and recomputed the moment they expire (when a hold ends), so no TTL delays a release.
 */
final class PolicyGate {

  private final Policy policy;
  private final Clock clock;
  private final LongSupplier epoch;
  private final Cache<Long, GatedPackument> gated =
      Caffeine.newBuilder().maximumSize(20_000).build();

  /**
   * @param epoch the current policy epoch; it changes whenever a decision or rule may change a
   *              verdict, which invalidates every cached one
   */
  PolicyGate(Policy policy, Clock clock, LongSupplier epoch) {
    this.policy = policy;
    this.clock = clock;
    this.epoch = epoch;
  }

  /** The gated view of {@code snapshot} as of now. */
  GatedPackument gate(PackumentSnapshot snapshot) {
    long currentEpoch = epoch.getAsLong();
    GatedPackument g = gated.getIfPresent(snapshot.generation());
    if (g != null && g.epoch() == currentEpoch && stillValid(g)) {
      if (g.snapshot() == snapshot) {
        return g;
      }
      // Same content (a revalidation replaced the snapshot object): keep the verdict.
      GatedPackument same = new GatedPackument(snapshot, g.verdict(), g.visible(), g.epoch());
      gated.put(snapshot.generation(), same);
      return same;
    }
    PackageVerdict verdict = policy.judge(snapshot.index().facts());
    GatedPackument fresh = new GatedPackument(snapshot, verdict,
        VisibleVersions.of(snapshot.index(), verdict), currentEpoch);
    gated.put(snapshot.generation(), fresh);
    return fresh;
  }

  private boolean stillValid(GatedPackument g) {
    return g.verdict().validUntil().map(until -> clock.instant().isBefore(until)).orElse(true);
  }
}
