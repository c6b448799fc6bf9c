package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Shows the API's ISO-8601 instants to the minute, in UTC: {@code 2026-12-04 07:58Z}. */
final class ShortTimes {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private ShortTimes() {
  }

  /** The instant in {@code node}, shortened; null if absent; as given if it is not ISO-8601. */
  static String of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return MINUTES.format(Instant.parse(node.asText()));
    } catch (DateTimeParseException e) {
      return node.asText();
    }
  }
}
