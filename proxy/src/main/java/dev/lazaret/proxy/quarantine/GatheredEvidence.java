package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Evidence;

/**
 * The evidence for one judgement, and whether every lookup answered. A verdict made on
 * incomplete evidence is revisited soon, when the lookups may answer.
 *
 * @param evidence what is known
 * @param complete {@code false} if a lookup failed or timed out
 */
public record GatheredEvidence(Evidence evidence, boolean complete) {
}
