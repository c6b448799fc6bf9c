package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The one Jackson mapper for registry documents, configured for multi-MiB packuments. */
public final class NpmJson {

  /** Shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER = create();

  private NpmJson() {
  }

  /** The text of {@code n}, or {@code null} if it is not a string. */
  public static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  /** The ISO-8601 instant in {@code n}, or {@code null} if it is not one. */
  public static Instant instant(JsonNode n) {
    if (!n.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ObjectMapper create() {
    JsonMapper mapper = JsonMapper.builder().build();
    // Popular packuments reach tens of MiB with very long readme strings; lift Jackson's default
    // string limit (20 MB) so a large but legitimate document is not rejected.
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(256 << 20)
        .maxDocumentLength(1L << 30)
        .build());
    return mapper;
  }
}
