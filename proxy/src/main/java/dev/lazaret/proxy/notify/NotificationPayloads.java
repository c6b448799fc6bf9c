package dev.lazaret.proxy.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.quarantine.HoldRecord;
import java.time.Instant;
import java.util.Locale;

/**
 * Renders hold and decision events as the webhook JSON documented in {@code docs/ADMIN-API.md}:
 * {@code event}, a Slack-compatible {@code text}, then the facts for machines.
 */
final class NotificationPayloads {

  private NotificationPayloads() {
  }

  /** A newly held version. */
  static Notification held(HoldRecord hold) {
    return new Notification(Notification.Kind.HOLD, hold.risky(),
        "hold " + hold.packageName() + "@" + hold.version(), () -> bytes(holdJson(hold)));
  }

  /** An analyst's approval or rejection. */
  static Notification decided(AnalystDecision decision) {
    return new Notification(Notification.Kind.DECISION, false,
        "decision " + decision.packageName() + "@" + decision.version(),
        () -> bytes(decisionJson(decision)));
  }

  private static ObjectNode holdJson(HoldRecord hold) {
    ObjectNode json = start("hold", SlackText.held(hold), hold.packageName(), hold.version());
    json.put("state", hold.state().name().toLowerCase(Locale.ROOT));
    json.put("until", text(hold.until()));
    json.put("risky", hold.risky());
    json.put("publisher", hold.publisher());
    json.put("publishedAt", text(hold.publishedAt()));
    json.put("upstream", hold.upstream());
    ArrayNode reasons = json.putArray("reasons");
    hold.reasons().forEach(reasons::add);
    ArrayNode signals = json.putArray("signals");
    hold.signals().stream().filter(HoldRecord.Signal::fired).map(HoldRecord.Signal::id)
        .forEach(signals::add);
    return json;
  }

  private static ObjectNode decisionJson(AnalystDecision decision) {
    ObjectNode json = start("decision", SlackText.decided(decision), decision.packageName(),
        decision.version());
    json.put("state", decision.approved() ? "approved" : "rejected");
    ObjectNode detail = json.putObject("decision");
    detail.put("approved", decision.approved());
    detail.put("analyst", decision.analyst());
    detail.put("at", text(decision.decidedAt()));
    detail.put("note", decision.note());
    return json;
  }

  private static ObjectNode start(String event, String text, String packageName,
      String version) {
    ObjectNode json = NpmJson.MAPPER.createObjectNode();
    json.put("event", event);
    json.put("text", text);
    json.put("package", packageName);
    json.put("version", version);
    return json;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return NpmJson.MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      // A tree of strings, numbers and booleans always serialises.
      throw new IllegalStateException("cannot render a notification", e);
    }
  }
}
