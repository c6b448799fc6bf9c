package dev.lazaret.proxy.config;

import dev.lazaret.policy.PolicySettings;
import dev.lazaret.policy.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the quarantine runs: whether it is on, the policy tunables, the standing rules from the
 * config file, and how the proxy gathers evidence (advisories, publisher history) for it.
 *
 * @param enabled        whether versions are judged at all; off serves everything, as a plain
 *                       caching proxy does
 * @param policy         cooldowns, windows and thresholds
 * @param rules          trust and deny rules from the config file
 * @param advisories     whether the upstream's bulk advisory endpoint is asked for malware
 * @param advisoryTtl    how long an advisory answer is reused before it is asked again
 * @param lookupTimeout  how long an evidence lookup (advisories, maintainer search) may take
 *                       before the verdict goes ahead without it
 * @param publisherTtl   how long a publisher's maintainer-search answer is reused
 */
public record QuarantineSettings(
    boolean enabled,
    PolicySettings policy,
    List<Rule> rules,
    boolean advisories,
    Duration advisoryTtl,
    Duration lookupTimeout,
    Duration publisherTtl) {

  /** Default advisory reuse: 1 hour. */
  public static final Duration DEFAULT_ADVISORY_TTL = Duration.ofHours(1);
  /** Default evidence lookup timeout: 3 seconds. */
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(3);
  /** Default publisher evidence reuse: 24 hours. */
  public static final Duration DEFAULT_PUBLISHER_TTL = Duration.ofHours(24);

  /** Validates that nothing is missing and copies the rules. */
  public QuarantineSettings {
    Objects.requireNonNull(policy, "policy");
    rules = List.copyOf(rules);
    Objects.requireNonNull(advisoryTtl, "advisoryTtl");
    Objects.requireNonNull(lookupTimeout, "lookupTimeout");
    Objects.requireNonNull(publisherTtl, "publisherTtl");
  }

  /** The quarantine on, with every default and no rules. */
  public static QuarantineSettings defaults() {
    return new QuarantineSettings(true, PolicySettings.defaults(), List.of(), true,
        DEFAULT_ADVISORY_TTL, DEFAULT_LOOKUP_TIMEOUT, DEFAULT_PUBLISHER_TTL);
  }

  /** The quarantine off: every version is served. */
  public static QuarantineSettings off() {
    return defaults().withEnabled(false);
  }

  /** A copy switched on or off. */
  public QuarantineSettings withEnabled(boolean on) {
    return new QuarantineSettings(on, policy, rules, advisories, advisoryTtl, lookupTimeout,
        publisherTtl);
  }

  /** A copy with other policy tunables. */
  public QuarantineSettings withPolicy(PolicySettings value) {
    return new QuarantineSettings(enabled, value, rules, advisories, advisoryTtl, lookupTimeout,
        publisherTtl);
  }

  /** A copy with other rules. */
  public QuarantineSettings withRules(List<Rule> value) {
    return new QuarantineSettings(enabled, policy, value, advisories, advisoryTtl, lookupTimeout,
        publisherTtl);
  }
}
