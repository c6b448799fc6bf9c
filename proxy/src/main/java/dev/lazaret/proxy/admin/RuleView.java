package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.quarantine.StoredRule;
import java.time.Instant;
import java.util.Locale;

/**
 * A trust or deny rule as the API shows it.
 *
 * @param id        stable id, for removal ({@code config-N} for config-file rules)
 * @param effect    {@code trust} or {@code deny}
 * @param kind      {@code publisher}, {@code package}, {@code scope} or {@code version}
 * @param name      the publisher, package or scope
 * @param version   the version, for version rules
 * @param expiresAt when it stops applying, if ever
 * @param note      why it exists
 * @param createdBy the token that added it, or {@code config}
 * @param createdAt when
 */
public record RuleView(String id, String effect, String kind, String name, String version,
    Instant expiresAt, String note, String createdBy, Instant createdAt) {

  /** The view of {@code rule}. */
  public static RuleView of(StoredRule rule) {
    return new RuleView(rule.id(), rule.effect().name().toLowerCase(Locale.ROOT),
        rule.kind().name().toLowerCase(Locale.ROOT), rule.name(), rule.version(),
        rule.expiresAt(), rule.note(), rule.createdBy(), rule.createdAt());
  }
}
