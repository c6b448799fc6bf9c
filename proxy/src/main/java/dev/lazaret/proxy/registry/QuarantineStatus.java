package dev.lazaret.proxy.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.text.Moment;
import dev.lazaret.proxy.npm.NpmJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The public answer of {@code GET /-/quarantine/{name}}: which versions clients cannot have yet
 * and until when, so a developer whose range matched only held versions learns why. It says no
 * more than a client could learn by waiting: no signals, no publisher evidence, no hint of
 * whether the release looked risky (that would tell an attacker what to change).
 */
final class QuarantineStatus {

  /** The one reason shown for every hold. */
  static final String HELD = "new releases wait before this registry serves them; your security"
      + " team can approve one earlier";
  /** When a version waiting for its tarball's inspection is released. */
  static final String WAITING_FOR_INSPECTION = "once its tarball has been inspected, usually"
      + " within a minute";
  /** The one reason shown for every version never served. */
  static final String BLOCKED = "not served by this registry's policy";

  private QuarantineStatus() {
  }

  /** The status of {@code gated} as of {@code now}. */
  static ObjectNode of(GatedPackument gated, Instant now) {
    ObjectNode body = NpmJson.MAPPER.createObjectNode();
    body.put("name", gated.snapshot().index().name().toString());
    ArrayNode held = body.putArray("held");
    ArrayNode blocked = body.putArray("blocked");
    for (Map.Entry<String, Verdict> e : gated.verdict().verdicts().entrySet()) {
      if (!gated.snapshot().index().versions().containsKey(e.getKey())) {
        continue;
      }
      switch (e.getValue()) {
        case Verdict.Hold h when gated.unavailable().isEmpty() -> held.addObject()
            .put("version", e.getKey())
            .put("until", h.until().truncatedTo(ChronoUnit.SECONDS).toString())
            .put("releasedIn", releasedIn(h, now))
            .put("reason", HELD);
        case Verdict.Hold h -> held.addObject()
            .put("version", e.getKey())
            .put("reason", gated.unavailable().get());
        case Verdict.Block b -> blocked.addObject()
            .put("version", e.getKey())
            .put("reason", BLOCKED);
        case Verdict.Allow a -> { }
      }
    }
    ObjectNode tags = body.putObject("dist-tags");
    gated.visible().distTags().forEach(tags::put);
    return body;
  }

  /**
   * When {@code hold} ends, for people: {@code in 23 h (2026-03-11 11:00:00 UTC)}, the one way
   * Lazaret shows times. A version waiting for its inspection ends with an event, not a time:
   * its {@code until} is only the instant it was judged, so the text says what it waits for.
   */
  static String releasedIn(Verdict.Hold hold, Instant now) {
    return hold.awaitingInspection() ? WAITING_FOR_INSPECTION : Moment.relative(hold.until(), now);
  }
}
