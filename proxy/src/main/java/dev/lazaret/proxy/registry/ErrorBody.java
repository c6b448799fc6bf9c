package dev.lazaret.proxy.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lazaret.proxy.npm.NpmJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The npm-style error document {@code {"error": "..."}}, as bytes. */
public final class ErrorBody {

  private static final byte[] FALLBACK =
      "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);

  private ErrorBody() {
  }

  /** {@code {"error": message}} as UTF-8 JSON (escaped by Jackson: the message may quote input). */
  public static byte[] of(String message) {
    try {
      return NpmJson.MAPPER.writeValueAsBytes(Map.of("error", String.valueOf(message)));
    } catch (JsonProcessingException e) {
      return FALLBACK.clone();
    }
  }
}
