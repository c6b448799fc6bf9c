package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.text.Moment;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Shows the API's ISO-8601 instants the one way Lazaret shows times ({@link Moment}): relative
 * to now, then UTC to the second, e.g. {@code in 6 days (2026-12-04 07:58:00 UTC)}. One "now"
 * per command, so every time a command prints is measured from the same instant.
 */
final class ShownTimes {

  private final Instant now;

  ShownTimes(Instant now) {
    this.now = now;
  }

  /** The instant in {@code node}, shown; null if absent; as given if it is not ISO-8601. */
  String of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return Moment.relative(Instant.parse(node.asText()), now);
    } catch (DateTimeParseException e) {
      return node.asText();
    }
  }

  /** Whether the instant in {@code node} is before now; false if absent or not ISO-8601. */
  boolean isPast(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    try {
      return Instant.parse(node.asText()).isBefore(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
