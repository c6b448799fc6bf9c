package dev.lazaret.proxy.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.npm.NpmJson;
import java.time.Duration;
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
            .put("releasedIn", relative(now, h.until()))
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

  /** {@code in 2 d 3 h}, {@code in 4 h 10 min}, {@code in 5 min}, {@code in 40 s}. */
  static String relative(Instant now, Instant at) {
    Duration d = Duration.between(now, at);
    if (d.isNegative() || d.isZero()) {
      return "now";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return "in " + s + " s";
    }
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return "in " + days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return "in " + hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    return "in " + minutes + " min";
  }
}
